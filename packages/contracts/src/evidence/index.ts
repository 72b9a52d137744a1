export * from './evidence.schema';
