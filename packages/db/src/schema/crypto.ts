// Tables of the crypto domain (migration 2026-11-30T0030-crypto). Amounts are kept exactly as decimal text, with a
// double beside them for sorting and filtering; times as ISO text plus epoch milliseconds for ordering.
import type { Generated } from 'kysely';

/** One imported file (explorer export, tag pack …): the unit of a data snapshot. */
export interface CryptoImportsTable {
  id: string;
  case_id: string;
  /** esplora_json | etherscan_csv | trongrid_json | tronscan_csv | tagpack_yaml | tag_csv | btc_blocks */
  kind: string;
  file_name: string;
  file_sha256: string;
  record_count: number;
  /** JSON ImportStats (read, records, skipped by reason, warnings). */
  stats: string;
  created_by: string;
  created_at: string;
  /** 'incomplete' while a chunked import is under way or was interrupted (a re-run resumes it), then 'complete'. */
  status: string;
  /** Records of the source committed so far (where a resumed import continues). */
  committed: number;
  /** Transfers this import added to the case so far. */
  added: number;
  /** The highest transfer seq before this import started: its rows all have a larger seq. */
  base_seq: number;
}

export interface CryptoTransfersTable {
  /** Insertion order: a trace's data snapshot is "every transfer of the case up to seq N". */
  seq: Generated<number>;
  case_id: string;
  import_id: string;
  chain: string;
  asset: string;
  token_contract: string | null;
  tx_hash: string;
  /** Unique within (case, chain, tx): content-derived, so re-importing adds nothing. */
  transfer_key: string;
  from_node: string;
  to_node: string;
  /** Exact decimal text. */
  amount: string;
  amount_value: number;
  time: string;
  time_ms: number;
  block_number: number | null;
  source_line: number;
}

export interface CryptoTxsTable {
  case_id: string;
  chain: string;
  tx_hash: string;
  block_number: number | null;
  time: string;
}

/** Wallets of a case entered by hand or found by other modules (recruitment ads, evidence). */
export interface CryptoWalletsTable {
  id: string;
  case_id: string;
  address: string;
  chain: string;
  label: string;
  /** manual | recruitment | evidence | import */
  origin: string;
  created_by: string;
  created_at: string;
}

export interface CryptoTagsTable {
  id: string;
  case_id: string;
  import_id: string;
  address: string;
  chain: string;
  label: string;
  category: string | null;
  actor: string | null;
  source: string | null;
  confidence: string | null;
  is_cluster_definer: number;
  pack: string;
  line: number;
  created_at: string;
}

/** Multi-input clustering unions: each row joins two addresses because of one transaction. */
export interface CryptoClusterLinksTable {
  case_id: string;
  address_a: string;
  address_b: string;
  tx_hash: string;
  created_at: string;
}

export interface CryptoTracesTable {
  id: string;
  case_id: string;
  title: string;
  /** JSON TraceParams as requested. */
  params: string;
  /** JSON {maxSeq, imports: [{id, sha256}]}: the data the trace ran on. */
  snapshot: string;
  /** JSON TraceResult. */
  result: string;
  result_sha256: string;
  created_by: string;
  created_at: string;
}

export interface CryptoTables {
  crypto_imports: CryptoImportsTable;
  crypto_transfers: CryptoTransfersTable;
  crypto_txs: CryptoTxsTable;
  crypto_wallets: CryptoWalletsTable;
  crypto_tags: CryptoTagsTable;
  crypto_cluster_links: CryptoClusterLinksTable;
  crypto_traces: CryptoTracesTable;
}
