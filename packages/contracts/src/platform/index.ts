export * from './errors.schema';
export * from './health.schema';
