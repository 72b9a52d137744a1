// Rows and service results → contract objects. Only this file shapes what leaves the crypto domain.
import type { crypto as contracts } from '@trag/contracts';
import type { CryptoImportsTable, CryptoWalletsTable } from '@trag/db';
import type { AddressValidation } from './address';
import { describeAddressError } from './address';
import type { TransferRow } from './crypto.repository';
import type { SavedTrace } from './crypto.service';

export function presentAddressCheck(v: AddressValidation): contracts.AddressCheckResponse {
  return { ...v, ...(v.error ? { message: describeAddressError(v.error) } : {}) };
}

export function presentImport(row: CryptoImportsTable): contracts.ImportListResponse['imports'][number] {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    sha256: row.file_sha256,
    records: Number(row.record_count),
    status: row.status === 'incomplete' ? 'incomplete' : 'complete',
    committed: Number(row.committed),
    createdAt: row.created_at,
  };
}

export function presentTransfer(row: TransferRow): contracts.Transfer {
  return {
    seq: Number(row.seq),
    chain: row.chain,
    asset: row.asset,
    tokenContract: row.token_contract,
    txHash: row.tx_hash,
    from: row.from_node,
    to: row.to_node,
    amount: row.amount,
    time: row.time,
    blockNumber: row.block_number === null ? null : Number(row.block_number),
  };
}

export function presentWallet(
  row: CryptoWalletsTable & { otherCases: number },
): contracts.WalletListResponse['wallets'][number] {
  return {
    address: row.address,
    chain: row.chain,
    label: row.label,
    origin: row.origin,
    createdAt: row.created_at,
    otherCases: row.otherCases,
  };
}

export function presentSavedTrace(t: SavedTrace): contracts.SavedTrace {
  return {
    id: t.id,
    caseId: t.caseId,
    title: t.title,
    request: t.request as contracts.TraceRequest,
    resultSha256: t.resultSha256,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    result: t.result,
    tags: t.tags,
    otherCases: t.otherCases,
    snapshot: t.snapshot,
    ...(t.clusters ? { clusters: t.clusters } : {}),
  };
}
