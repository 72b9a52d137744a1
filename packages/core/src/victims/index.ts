// Public surface of the victims domain: other domains and the apps import only from here.
export * from './envelope';
export * from './master-key';
export { DataKeyVault, vaultPath } from './key-vault';
export * from './victim-protection';
export * from './field-groups';
export * from './victim.policy';
export {
  VictimRecordService,
  victimNotFound,
  type CreateVictimInput,
  type VictimRecordView,
} from './victim-record.service';
export type { VictimRecordRow, VictimAccessRow } from './victim.repository';
export * from './screening';
export * from './screening-forms';
export * from './interview-checklist';
export { ScreeningService, type ScreeningView, type InterviewPlanView } from './screening.service';
export * from './consent';
export * from './referral';
export * from './helplines';
export { renderReferralLetter, type ReferralLetterInput } from './referral-letter';
export { ReferralService, referralNotFound, type CreateReferralInput } from './referral.service';
export * from './statistics';
export * from './retention';
export { RetentionService, type DueRecord } from './retention.service';
export { StatisticsService, DEFAULT_K, type StatRelease } from './statistics.service';
export * from './victim.presenter';
export { loadVictimsDemo, type VictimsDemo } from './victims.demo';
