// Rows → contract objects. The only place where case data takes its outside shape.
import type { cases } from '@trag/contracts';
import { caseRoleCanManage, caseRoleCanWrite, type CaseRole } from './case-roles';
import type { CaseWithAgency, MemberView, NoteView, TaskView } from './case.repository';
import type { EntityLinkRow, EntityRow } from './entity.repository';

function parseTags(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export function presentCaseSummary(row: CaseWithAgency, myRole: CaseRole): cases.CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    type: row.case_type as cases.CaseType,
    status: row.status as cases.CaseStatus,
    jurisdiction: row.jurisdiction,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    openedOn: row.opened_on,
    tags: parseTags(row.tags),
    myRole,
    updatedAt: row.updated_at,
  };
}

export function presentCaseDetail(
  row: CaseWithAgency,
  myRole: CaseRole,
  counts: cases.CaseDetail['counts'],
): cases.CaseDetail {
  return {
    ...presentCaseSummary(row, myRole),
    description: row.description,
    incidentFrom: row.incident_from,
    incidentTo: row.incident_to,
    closedAt: row.closed_at,
    closeReason: row.close_reason,
    contactPoint: row.contact_point,
    createdBy: row.created_by,
    createdAt: row.created_at,
    counts,
    can: { edit: caseRoleCanWrite(myRole), manage: caseRoleCanManage(myRole) },
  };
}

export function presentMember(row: MemberView): cases.CaseMember {
  return {
    id: row.id,
    kind: row.user_id ? 'user' : 'unit',
    subjectId: (row.user_id ?? row.unit_id)!,
    name: row.name,
    agencyId: row.subject_agency_id,
    agencyName: row.subject_agency_name,
    caseRole: row.case_role as cases.CaseRole,
    addedAt: row.added_at,
  };
}

export function presentNote(row: NoteView): cases.CaseNote {
  return {
    id: row.id,
    caseId: row.case_id,
    author: { id: row.author_id, displayName: row.author_name ?? row.author_id, agencyName: row.author_agency_name },
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentTask(row: TaskView, today: string): cases.CaseTask {
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    caseTitle: row.case_title,
    title: row.title,
    description: row.description,
    owner: row.owner_user_id
      ? { id: row.owner_user_id, displayName: row.owner_name ?? row.owner_user_id, agencyName: row.owner_agency_name }
      : null,
    dueOn: row.due_on,
    status: row.status as cases.TaskStatus,
    overdue: row.status === 'open' && row.due_on !== null && row.due_on < today,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

function parseAttributes(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

export function presentEntity(row: EntityRow, hitCount: number): cases.Entity {
  return {
    id: row.id,
    caseId: row.case_id,
    type: row.entity_type as cases.EntityType,
    label: row.label,
    identifierKey: row.identifier_key,
    identifierDisplay: row.identifier_display,
    attributes: parseAttributes(row.attributes),
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    hitCount,
  };
}

export function presentLink(row: EntityLinkRow): cases.EntityLink {
  return {
    id: row.id,
    caseId: row.case_id,
    fromEntityId: row.from_entity_id,
    toEntityId: row.to_entity_id,
    type: row.link_type as cases.LinkType,
    source: row.source,
    note: row.note,
    createdAt: row.created_at,
  };
}
