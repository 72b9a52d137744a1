// Public surface of the crypto-tracing domain. Other domains import only from here (`@trag/core/crypto`).
export {
  validateAddress,
  describeAddressError,
  toChecksumAddress,
  tronToEthereum,
  ethereumToTron,
  tronToHex,
  encodeBase58Address,
  encodeSegwitAddress,
} from './address';
export type {
  AddressValidation,
  AddressChain,
  AddressType,
  AddressErrorCode,
  AddressWarningCode,
  BtcNetwork,
} from './address';
export {
  parseBlock,
  parseTransaction,
  iterateBlocks,
  isFramedBlockFile,
  merkleRoot,
  coinbaseHeight,
  prevTxid,
  isCoinbaseInput,
  toDisplayHex,
  BLOCK_FILE_MAGIC,
} from './block-parser';
export type { ParsedBlock, ParsedTx, ParsedInput, ParsedOutput, BlockHeader, BlockNetwork } from './block-parser';
export { readBlockFile, readBlockFileBytes, decompressIfBzip2 } from './block-file';
export { classifyScript, hash160 } from './script';
export type { ScriptType, ScriptInfo } from './script';
export { AddressClusterer } from './address-cluster';
export type {
  ClusterTx,
  ClusterTxInput,
  ClusterTxOutput,
  MergeLink,
  HugeClusterFlag,
  AddTxResult,
  ClusterOptions,
} from './address-cluster';
export { detectCoinJoin } from './coinjoin';
export type { CoinJoinVerdict, CoinJoinPattern } from './coinjoin';
export { suggestChange } from './change-heuristics';
export type { ChangeSuggestion, ChangeReason, ChangeHeuristic } from './change-heuristics';
export { resolveBlockTransactions, toClusterTx } from './block-transactions';
export type { ResolvedTx, ResolvedInput, ResolvedIo, PrevoutLookup } from './block-transactions';
export { parseBtcdUtxoStore, decompressAmount } from './btcd-utxo-store';
export type { UtxoEntry } from './btcd-utxo-store';
export { importEtherscanCsv } from './etherscan.importer';
export type { EtherscanOptions } from './etherscan.importer';
export { importTronGridJson, importTronscanCsv } from './tron.importer';
export { importEsploraJson } from './esplora.importer';
export { importTagPackYaml, importTagCsv } from './tags.importer';
export { newStats } from './import-common';
export type { ImportStats } from './import-common';
export { btcTxNode, isTxNode } from './flow-record';
export type { FlowRecord, TagRecord } from './flow-record';
export { parseDecimalAmount, scaleUnits, satsToBtc, addDecimals } from './decimal-amount';
export { trace, InMemoryTraceGraph } from './trace';
export type {
  TraceTransfer,
  TraceParams,
  TraceResult,
  TraceEndpoint,
  TraceEdge,
  TracePath,
  TraceMethod,
  TraceDirection,
  TraceGraph,
  TraceHooks,
  EndpointReason,
} from './trace';
export { CryptoService, IMPORT_KINDS } from './crypto.service';
export type {
  ImportKind,
  ImportInput,
  ImportSummary,
  TraceRequest,
  TraceOutcome,
  SavedTrace,
  TraceSnapshot,
  TagInfo,
} from './crypto.service';
export { TRACE_EXPORT_FORMATS } from './crypto.service';
export type { TraceExportFormat } from './crypto.service';
export { traceToCsv, transfersToCsv, traceToGraphMl, traceToFtm, draftDataRequest } from './trace-export';
export { renderTraceReport, METHOD_TEXT } from './trace-report';
export {
  presentAddressCheck,
  presentImport,
  presentTransfer,
  presentWallet,
  presentSavedTrace,
} from './crypto.presenter';
export { traceAsync, asAsyncGraph } from './trace';
export type { AsyncTraceGraph } from './trace';
export { loadCryptoDemo } from './crypto.demo';
export { blockFlowRecords, BlockFlows } from './block-flows';
export type { BlockFlowOptions } from './block-flows';
export { chainConnectorsFromEnv, EsploraConnector, BitcoinRpcConnector } from './chain-connector';
export type { ChainConnector, ConnectorKind, ConnectorOptions, FetchRequest } from './chain-connector';
