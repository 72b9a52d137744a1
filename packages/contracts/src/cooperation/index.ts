export * from './partner.schema';
export * from './package.schema';
export * from './hit.schema';
