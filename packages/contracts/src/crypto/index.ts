export * from './address.schema';
export * from './import.schema';
export * from './trace.schema';
