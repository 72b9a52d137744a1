export {
  createBackup,
  restoreBackup,
  KEY_VAULT_NOTE,
  PG_DUMP_NOTE,
  SQLITE_FILE_NAME,
  type KeyVaultMode,
} from './backup.service';
export type { BackupResult, RestoreResult } from './backup.service';
export type { BackupManifest, BackupFileEntry } from './backup-manifest';
export type { EventAudience, EventBus, EventListener, LiveEvent } from './live-event';
export { TOPIC_PATTERN } from './live-event';
export { eventBusFor, closeEventBus, InProcessEventBus, PostgresEventBus } from './event-bus';
export { mayReceiveEvent, CachedMembership, type CaseMembershipCheck } from './live-event.policy';
export { JobService, JOBS_TOPIC, presentJob, type EnqueueRequest, type JobView } from './job.service';
export {
  JobWorker,
  registerJobHandler,
  registeredJobKinds,
  type JobContext,
  type JobHandler,
  type JobWorkerOptions,
} from './job-worker';
