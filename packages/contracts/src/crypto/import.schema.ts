import { Type, type Static } from '@sinclair/typebox';

export const IMPORT_KINDS = [
  'esplora_json',
  'etherscan_csv',
  'trongrid_json',
  'tronscan_csv',
  'tagpack_yaml',
  'tag_csv',
] as const;
export const ImportKind = Type.Union(IMPORT_KINDS.map((k) => Type.Literal(k)));
export type ImportKind = Static<typeof ImportKind>;

export const CaseParams = Type.Object(
  { caseId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type CaseParams = Static<typeof CaseParams>;

/** An explorer export or tag file, sent as text (exports are text formats; at most 20 MB). */
export const ImportRequest = Type.Object(
  {
    kind: ImportKind,
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    content: Type.String({ minLength: 1, maxLength: 20 * 1024 * 1024 }),
    tokenSymbol: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    tokenContract: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type ImportRequest = Static<typeof ImportRequest>;

export const ImportStats = Type.Object({
  read: Type.Integer(),
  records: Type.Integer(),
  skipped: Type.Record(Type.String(), Type.Integer()),
  warnings: Type.Array(Type.String()),
});

export const ImportSummary = Type.Object({
  importId: Type.String(),
  /** An ImportKind for files; btc_blocks, fetch_esplora, fetch_bitcoin_rpc for raw blocks and connectors. */
  kind: Type.String(),
  fileName: Type.String(),
  sha256: Type.String(),
  records: Type.Integer(),
  added: Type.Integer(),
  alreadyImported: Type.Boolean(),
  stats: ImportStats,
});
export type ImportSummary = Static<typeof ImportSummary>;

export const ImportListItem = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  fileName: Type.String(),
  sha256: Type.String(),
  records: Type.Integer(),
  /** 'incomplete': interrupted part-way; importing the same source again completes it. Not traced until then. */
  status: Type.Union([Type.Literal('complete'), Type.Literal('incomplete')]),
  /** Records committed so far (equals records when complete). */
  committed: Type.Integer(),
  createdAt: Type.String(),
});
export const ImportListResponse = Type.Object({ imports: Type.Array(ImportListItem) });
export type ImportListResponse = Static<typeof ImportListResponse>;

export const Transfer = Type.Object({
  seq: Type.Integer(),
  chain: Type.String(),
  asset: Type.String(),
  tokenContract: Type.Union([Type.String(), Type.Null()]),
  txHash: Type.String(),
  from: Type.String(),
  to: Type.String(),
  amount: Type.String(),
  time: Type.String(),
  blockNumber: Type.Union([Type.Integer(), Type.Null()]),
});
export type Transfer = Static<typeof Transfer>;
export const TransferListQuery = Type.Object(
  {
    node: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type TransferListQuery = Static<typeof TransferListQuery>;
export const TransferListResponse = Type.Object({ transfers: Type.Array(Transfer) });
export type TransferListResponse = Static<typeof TransferListResponse>;

export const WalletCreateRequest = Type.Object(
  {
    address: Type.String({ minLength: 1, maxLength: 200 }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    origin: Type.Optional(Type.Union([Type.Literal('manual'), Type.Literal('recruitment'), Type.Literal('evidence')])),
  },
  { additionalProperties: false },
);
export type WalletCreateRequest = Static<typeof WalletCreateRequest>;
export const Wallet = Type.Object({
  address: Type.String(),
  chain: Type.String(),
  label: Type.String(),
  origin: Type.String(),
  createdAt: Type.String(),
  /** How many other cases also hold this address (which ones is not shown: ask your supervisor). */
  otherCases: Type.Integer(),
});
export const WalletListResponse = Type.Object({ wallets: Type.Array(Wallet) });
export type WalletListResponse = Static<typeof WalletListResponse>;

/** The Esplora servers / Bitcoin Core nodes this deployment is configured with (none: the UI hides "fetch"). */
export const ConnectorListResponse = Type.Object({
  connectors: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('esplora'), Type.Literal('bitcoin_rpc')]),
      /** Where it reads from, without credentials. */
      endpoint: Type.String(),
      /** address: an address history (Esplora); blocks: a range of block heights (Bitcoin Core). */
      accepts: Type.Union([Type.Literal('address'), Type.Literal('blocks')]),
    }),
  ),
});
export type ConnectorListResponse = Static<typeof ConnectorListResponse>;

export const FetchRequest = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('address'),
      address: Type.String({ minLength: 1, maxLength: 100 }),
      maxPages: Type.Optional(Type.Integer({ minimum: 1, maximum: 400 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('blocks'),
      fromHeight: Type.Integer({ minimum: 0 }),
      toHeight: Type.Integer({ minimum: 0 }),
      /** wallets: transactions touching the case's Bitcoin wallets; all: every transaction. */
      watch: Type.Union([Type.Literal('wallets'), Type.Literal('all')]),
    },
    { additionalProperties: false },
  ),
]);
export type FetchRequest = Static<typeof FetchRequest>;

/** Raw blocks are sent as the request body (application/octet-stream); these say what the file is and what to keep. */
export const BlocksImportQuery = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    watch: Type.Union([Type.Literal('wallets'), Type.Literal('all')]),
  },
  { additionalProperties: false },
);
export type BlocksImportQuery = Static<typeof BlocksImportQuery>;
