// Rows → contract objects. The only way victim data leaves core; protected groups appear only when decrypted for
// an actor the policy allowed.
import type { victims as contracts } from '@trag/contracts';
import type { VictimAccessRow, VictimRecordRow } from './victim.repository';
import type { VictimRecordView } from './victim-record.service';

export function presentVictimSummary(row: VictimRecordRow): contracts.VictimSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    code: row.code,
    status: row.status,
    statusBody: row.status_body,
    statusDate: row.status_date,
    classification: {
      gender: row.gender,
      ageBand: row.age_band,
      isChild: row.is_child === 1,
      nationality: row.nationality,
      exploitationTypes: JSON.parse(row.exploitation_types) as string[],
      recruitmentMethod: row.recruitment_method,
    },
    erased: row.erased_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentVictimRecord(view: VictimRecordView): contracts.VictimRecord {
  return {
    ...presentVictimSummary(view.record),
    groups: view.groups,
    readable: view.readable,
    writable: view.writable,
    breakGlass: view.breakGlass,
  };
}

export function presentAccessEntry(row: VictimAccessRow) {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    action: row.action,
    fieldGroups: JSON.parse(row.field_groups) as string[],
    reason: row.reason,
    acknowledgedAt: row.acknowledged_at,
  };
}

export function presentConsent(row: {
  id: string;
  purpose: string;
  recipient: string;
  state: string;
  decided_on: string;
  language: string;
  interpreter_used: number;
  recorded_how: string;
  recorded_by: string;
  created_at: string;
}): contracts.Consent {
  return {
    id: row.id,
    purpose: row.purpose,
    recipient: row.recipient,
    state: row.state,
    decidedOn: row.decided_on,
    language: row.language,
    interpreterUsed: row.interpreter_used === 1,
    recordedHow: row.recorded_how,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
}

export function presentReferral(row: {
  id: string;
  record_id: string;
  case_id: string;
  service_type: string;
  provider_name: string;
  state: string;
  consent_id: string | null;
  override_reason: string | null;
  shared_groups: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}): contracts.Referral {
  return {
    id: row.id,
    recordId: row.record_id,
    caseId: row.case_id,
    serviceType: row.service_type,
    providerName: row.provider_name,
    state: row.state,
    consentBased: row.consent_id !== null,
    overrideReason: row.override_reason,
    sharedGroups: JSON.parse(row.shared_groups) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}
