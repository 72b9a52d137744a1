export * from './audit-list.schema';
export * from './audit-verify.schema';
