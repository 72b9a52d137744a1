// The whole database as Kysely sees it: one interface per domain, composed here.
import type { AuditTables } from './schema/audit';
import type { CasesTables } from './schema/cases';
import type { CooperationTables } from './schema/cooperation';
import type { CryptoTables } from './schema/crypto';
import type { EvidenceTables } from './schema/evidence';
import type { IdentityTables } from './schema/identity';
import type { PlatformTables } from './schema/platform';
import type { RecruitmentTables } from './schema/recruitment';
import type { TrainingTables } from './schema/training';
import type { VictimsTables } from './schema/victims';

export interface Database
  extends
    IdentityTables,
    AuditTables,
    PlatformTables,
    CasesTables,
    EvidenceTables,
    RecruitmentTables,
    CryptoTables,
    VictimsTables,
    CooperationTables,
    TrainingTables {}

export type * from './schema/audit';
export type * from './schema/cases';
export type * from './schema/cooperation';
export type * from './schema/crypto';
export type * from './schema/evidence';
export type * from './schema/identity';
export type * from './schema/platform';
export type * from './schema/recruitment';
export type * from './schema/training';
export type * from './schema/victims';
