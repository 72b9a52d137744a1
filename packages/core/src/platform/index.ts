export { createBackup, restoreBackup, PG_DUMP_NOTE, SQLITE_FILE_NAME } from './backup.service';
export type { BackupResult, RestoreResult } from './backup.service';
export type { BackupManifest, BackupFileEntry } from './backup-manifest';
