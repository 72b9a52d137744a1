export * from './offer-check.schema';
