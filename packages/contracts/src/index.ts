// Contracts: one schema per request and response, shared by the API (validation, OpenAPI), the web client (types)
// and the CLI. Import a domain's contracts as '@trag/contracts/<domain>'.
export * as platform from './platform';
export * as audit from './audit';
export * as identity from './identity';
export * as cases from './cases';
export * as search from './search';
export * as evidence from './evidence';
export * as victims from './victims';
export * as recruitment from './recruitment';
export * as crypto from './crypto';
export * as cooperation from './cooperation';
export * as training from './training';
