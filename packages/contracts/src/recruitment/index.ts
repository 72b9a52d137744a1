export * from './offer-check.schema';
export * from './items.schema';
