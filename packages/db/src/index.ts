export { createDatabase, pingDatabase, type DatabaseOptions, type DialectName, type TragDatabase } from './database';
export { createMigrator, migrateToLatest, MigrationError } from './migrator';
export type { Database } from './schema';
export * from './schema';
