export * from './common.schema';
export * from './auth.schema';
export * from './agency.schema';
export * from './user.schema';
