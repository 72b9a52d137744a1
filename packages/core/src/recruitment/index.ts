// Public surface of the recruitment domain. Other domains import only from here (`@trag/core/recruitment`).
export { RecruitmentAnalyzer } from './analyzer';
export type { AnalysisInput, ItemAnalysis, IndicatorHit, Reason } from './analyzer';
export { normalizeText, tokenize, deLeet, MAX_ANALYSED_LENGTH } from './normalize';
export type { NormalizedText, Token } from './normalize';
export { identifyLanguage } from './language';
export type { LanguageCode, LanguageGuess, Script } from './language';
export { extractIdentifiers, parsePhone, IDENTIFIER_TYPES } from './identifier-extractor';
export type { ExtractedIdentifier, IdentifierType } from './identifier-extractor';
export { defaultLexicon, parseLexicon, DEFAULT_LEXICON_PATH, FAMILIES, LEXICON_LANGUAGES } from './lexicon';
export type { Lexicon, IndicatorDefinition, IndicatorFamily, LexiconLanguage } from './lexicon';
export { IndicatorMatcher } from './indicator-matcher';
export { findTemplates, findNearDuplicateGroups, deriveTemplate, computeSignatures } from './templates';
export type { TemplateCluster, TemplateSlot, TemplateItem, TemplateOptions } from './templates';
export { parseItemsJsonl, parseItemLine, isLineError, MAX_ITEM_TEXT } from './item-reader';
export type { ReadItem, LineError } from './item-reader';
export { OfferCheckService, WindowRateLimiter, OFFER_MAX_LENGTH } from './offer-check.service';
export type { OfferCheckResult, OfferFlag, OfferHelpline } from './offer-check.service';
export { lshCluster, DEFAULT_MINHASH, UnionFind } from './minhash';
export type { MinHashOptions } from './minhash';
export { RecruitmentService, entityInputFor, MAX_IMPORT_ITEMS, MAX_EVIDENCE_IMPORT_BYTES } from './recruitment.service';
export type {
  ImportInput,
  ImportMode,
  ImportOptions,
  ImportOutcome,
  ItemDetail,
  StoredAnalysis,
  TemplatesView,
} from './recruitment.service';
export {
  parseImportFile,
  decodeText,
  columnMappingWith,
  DEFAULT_COLUMN_MAPPING,
  IMPORT_FORMATS,
  IMPORT_ENCODINGS,
} from './item-importer';
export type { ColumnMapping, ImportFormat, ImportEncoding, ImportedItem } from './item-importer';
export { buildNetwork, toGraphml, toCsv, toFollowTheMoney } from './network';
export type { NetworkView, NetworkIdentifier, NetworkItem, NetworkLink, NetworkOptions } from './network';
export { presentItemSummary, presentItemDetail, presentTemplates } from './recruitment.presenter';
export { loadRecruitmentDemo, RECRUITMENT_DEMO_ITEMS, type RecruitmentDemo } from './recruitment.demo';
export {
  ImportJobService,
  createImportWorker,
  IMPORT_JOB_KIND,
  IMPORT_JOB_QUEUE,
  MAX_IMPORT_UPLOAD_BYTES,
  importTooLarge,
} from './import-job.service';
