// Public surface of identifier normalisation (`@trag/core/identifiers`): pure functions, string in, verdict out.
export type { NormalizeResult } from './identifier-result';
export { normalizePhone, DEFAULT_PHONE_REGIONS } from './phone';
export { normalizeEmail } from './email';
export { normalizeUrl } from './url';
export { normalizeIban } from './iban';
export { normalizeHandle, PLATFORMS, isPlatform, type Platform } from './handle';
export { normalizePlate, normalizeDocumentNumber } from './generic';
export {
  normalizeIdentifier,
  normalizeWallet,
  identifierTypeOf,
  IDENTIFIER_TYPES,
  type IdentifierType,
  type NormalizeOptions,
} from './normalize-identifier';
