export * from './errors.schema';
export * from './health.schema';
export * from './events.schema';
export * from './jobs.schema';
