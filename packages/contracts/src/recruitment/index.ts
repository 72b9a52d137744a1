export * from './offer-check.schema';
export * from './items.schema';
export * from './import-file-format';
