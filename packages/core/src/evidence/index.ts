// The evidence domain's public surface: content-addressed blob store, custody ledger, court bundles, importers,
// and the evidence service used by the API and CLI.
export * from './blob-store';
export * from './custody-ledger';
export * from './agency-keys';
export * from './bundle-format';
export { writeBundle, type BundleSourceItem, type WriteBundleInput, type WrittenBundle } from './bundle-writer';
export { verifyBundle, type BundleItemReport, type BundleProblem, type BundleReport } from './bundle-verifier';
export { buildCaseUco } from './case-uco';
export { openArchive, unsafeArchivePath, zipFolder, type ArchiveEntry, type OpenArchive } from './zip-archive';
export * from './chat-message';
export * from './web-capture';
export {
  detectImportFormat,
  readImport,
  unknownFormat,
  IMPORT_FORMATS,
  type DetectedFormat,
  type ImportFormat,
  type ImportResult,
} from './import-format';
export { importTelegramExport } from './telegram-export';
export { importWhatsAppExport, parseWhatsAppText } from './whatsapp-export';
export { openExportArchive, openExportDirectory, type ExportSource } from './export-source';
export { EvidenceService, evidenceNotFound, type CollectInput, type EvidenceServiceOptions } from './evidence.service';
export {
  Rfc3161Authority,
  timestampAuthorityFromEnv,
  verifyTimestampWithOpenssl,
  type TimestampAuthority,
} from './trusted-timestamp';
export { loadEvidenceDemo, type EvidenceDemo, type EvidenceDemoContext } from './evidence.demo';
export { captureWebPage, checkCaptureUrl, type CaptureOptions, type WebPageCapture } from './web-page-capture';
