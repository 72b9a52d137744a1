// Case workflows: create, read, edit, close, reopen, members, notes, tasks, dashboard. Every write and every read
// of case content is audited in the same transaction as the change (reads get their own).
import type { Kysely } from 'kysely';
import type { Database } from '@trag/db';
import type { cases } from '@trag/contracts';
import { AuditService, type AuditEvent } from '@trag/core/audit';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { AppError, conflict, invalid, notFound } from '../shared/errors';
import { newId } from '../shared/ids';
import { pageBounds } from '../shared/pagination';
import { CaseAccess, caseNotFound } from './case-access';
import { isCaseRole, strongestCaseRole, type CaseRole } from './case-roles';
import { READ_ACTIONS, requireCanCreateCase } from './case.policy';
import { presentCaseDetail, presentCaseSummary, presentMember, presentNote, presentTask } from './case.presenter';
import { CaseRepository, type CaseRow, type CaseWithAgency } from './case.repository';
import { noteTitle } from './search-document';
import { SearchDocumentRepository } from './search-document.repository';

const taskNotFound = () =>
  new AppError('not_found', 'task_not_found', 'This task does not exist or you are not a member of its case.');

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function checkDates(values: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(values)) {
    if (value && !isRealDate(value))
      throw invalid('invalid_date', `"${field}" is not a real calendar date (YYYY-MM-DD).`, { field });
  }
  const from = values.incidentFrom;
  const to = values.incidentTo;
  if (from && to && from > to)
    throw invalid('invalid_date_range', 'The incident start date is after its end date.', { field: 'incidentTo' });
}

function cleanTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
}

export class CaseService {
  private readonly repo: CaseRepository;
  private readonly access: CaseAccess;
  private readonly audit: AuditService;
  private readonly searchDocs = new SearchDocumentRepository();

  constructor(private readonly ctx: CoreContext) {
    this.repo = new CaseRepository(ctx.database.db);
    this.access = new CaseAccess(ctx);
    this.audit = new AuditService(ctx);
  }

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }

  private tx<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.ctx.database.db.transaction().execute(fn);
  }

  private record(actor: Actor, event: AuditEvent, trx?: Kysely<Database>) {
    return this.audit.record(actor, event, trx);
  }

  private async indexCase(trx: Kysely<Database>, row: CaseRow): Promise<void> {
    const tags = JSON.parse(row.tags) as string[];
    await this.searchDocs.upsert(
      trx,
      {
        recordType: 'case',
        recordId: row.id,
        caseId: row.id,
        title: `${row.reference} ${row.title}`,
        body: [row.description, row.jurisdiction ?? '', tags.join(' ')],
      },
      row.updated_at,
    );
  }

  private async detail(id: string, caseRole: CaseRole, trx?: Kysely<Database>): Promise<cases.CaseDetail> {
    const row = await this.repo.getCase(id, trx);
    if (!row) throw caseNotFound();
    return presentCaseDetail(row, caseRole, await this.repo.counts(id));
  }

  // ---- cases ----

  async create(actor: Actor, input: cases.CaseCreateRequest): Promise<cases.CaseDetail> {
    requireCanCreateCase(actor);
    checkDates({ openedOn: input.openedOn, incidentFrom: input.incidentFrom, incidentTo: input.incidentTo });
    const id = newId();
    await this.tx(async (trx) => {
      const agency = await this.repo.getAgency(actor.agencyId, trx);
      if (!agency) throw invalid('agency_unknown', 'Your account belongs to no known agency. Ask your administrator.');
      const now = this.now();
      let reference = input.reference?.trim();
      if (reference) {
        if (await this.repo.referenceTaken(trx, agency.id, reference))
          throw conflict('case_reference_taken', `Your agency already has a case with reference ${reference}.`);
      } else {
        const year = this.ctx.clock.now().getUTCFullYear();
        do {
          const n = await this.repo.nextReferenceNumber(trx, agency.id, year);
          reference = `${agency.reference_prefix}-${year}-${String(n).padStart(4, '0')}`;
        } while (await this.repo.referenceTaken(trx, agency.id, reference));
      }
      const row: CaseRow = {
        id,
        agency_id: agency.id,
        reference,
        title: input.title.trim(),
        case_type: input.type,
        status: 'open',
        jurisdiction: input.jurisdiction?.trim() ?? null,
        opened_on: input.openedOn ?? now.slice(0, 10),
        incident_from: input.incidentFrom ?? null,
        incident_to: input.incidentTo ?? null,
        closed_at: null,
        close_reason: null,
        tags: JSON.stringify(cleanTags(input.tags)),
        description: input.description ?? '',
        contact_point: input.contactPoint?.trim() ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await this.repo.insertCase(trx, row);
      await this.repo.insertMember(trx, {
        id: newId(),
        case_id: id,
        user_id: actor.userId,
        unit_id: null,
        case_role: 'lead',
        added_by: actor.userId,
        added_at: now,
      });
      await this.indexCase(trx, row);
      await this.record(
        actor,
        { action: 'case.create', recordType: 'case', recordId: id, caseId: id, details: { type: input.type } },
        trx,
      );
    });
    return this.detail(id, 'lead');
  }

  async get(actor: Actor, id: string): Promise<cases.CaseDetail> {
    const { caseRole } = await this.access.requireMember(actor, id);
    const detail = await this.detail(id, caseRole);
    await this.record(actor, { action: 'case.read', recordType: 'case', recordId: id, caseId: id });
    return detail;
  }

  async list(actor: Actor, query: cases.CaseListQuery): Promise<cases.CaseListResponse> {
    const { limit, offset } = pageBounds(query);
    const { rows, total, roles } = await this.repo.listForActor(
      actor,
      { status: query.status, caseType: query.type, tag: query.tag },
      limit,
      offset,
    );
    const items = this.summaries(rows, roles);
    await this.record(actor, { action: 'case.list', details: { count: items.length } });
    return { items, total, limit, offset };
  }

  /** Rows as summaries with the actor's strongest role on each (`memberRoles`: the actor's roles per case). */
  private summaries(rows: CaseWithAgency[], memberRoles: Map<string, string[]>): cases.CaseSummary[] {
    return rows.map((row) => {
      const roles = (memberRoles.get(row.id) ?? []).filter(isCaseRole);
      return presentCaseSummary(row, strongestCaseRole(roles) ?? 'observer');
    });
  }

  async update(actor: Actor, id: string, patch: cases.CaseUpdateRequest): Promise<cases.CaseDetail> {
    const membership = await this.tx(async (trx) => {
      const membership = await this.access.requireWriter(actor, id, trx);
      const current = await this.repo.getCase(id, trx);
      if (!current) throw caseNotFound();
      if (current.status === 'closed')
        throw conflict('case_closed', 'This case is closed. Reopen it before changing it.');
      checkDates({
        openedOn: patch.openedOn,
        incidentFrom: patch.incidentFrom === undefined ? current.incident_from : patch.incidentFrom,
        incidentTo: patch.incidentTo === undefined ? current.incident_to : patch.incidentTo,
      });
      const values: Partial<CaseRow> = { updated_at: this.now() };
      if (patch.title !== undefined) values.title = patch.title.trim();
      if (patch.type !== undefined) values.case_type = patch.type;
      if (patch.status !== undefined) values.status = patch.status;
      if (patch.jurisdiction !== undefined) values.jurisdiction = patch.jurisdiction?.trim() ?? null;
      if (patch.openedOn !== undefined) values.opened_on = patch.openedOn;
      if (patch.incidentFrom !== undefined) values.incident_from = patch.incidentFrom;
      if (patch.incidentTo !== undefined) values.incident_to = patch.incidentTo;
      if (patch.tags !== undefined) values.tags = JSON.stringify(cleanTags(patch.tags));
      if (patch.description !== undefined) values.description = patch.description;
      if (patch.contactPoint !== undefined) values.contact_point = patch.contactPoint?.trim() ?? null;
      if (patch.reference !== undefined) {
        const reference = patch.reference.trim();
        if (await this.repo.referenceTaken(trx, current.agency_id, reference, id))
          throw conflict('case_reference_taken', `Your agency already has a case with reference ${reference}.`);
        values.reference = reference;
      }
      await this.repo.updateCase(trx, id, values);
      const { agency_name: _n, agency_country: _c, ...base } = current;
      await this.indexCase(trx, { ...base, ...values });
      await this.record(
        actor,
        {
          action: 'case.update',
          recordType: 'case',
          recordId: id,
          caseId: id,
          details: { fields: Object.keys(patch).sort() },
        },
        trx,
      );
      return membership;
    });
    return this.detail(id, membership.caseRole);
  }

  async close(actor: Actor, id: string, reason: string | undefined): Promise<cases.CaseDetail> {
    await this.tx(async (trx) => {
      await this.access.requireLead(actor, id, trx);
      const current = await this.repo.getCase(id, trx);
      if (!current) throw caseNotFound();
      if (current.status === 'closed') throw conflict('case_already_closed', 'This case is already closed.');
      const now = this.now();
      await this.repo.updateCase(trx, id, {
        status: 'closed',
        closed_at: now,
        close_reason: reason?.trim() ?? null,
        updated_at: now,
      });
      await this.record(actor, { action: 'case.close', recordType: 'case', recordId: id, caseId: id }, trx);
    });
    return this.detail(id, 'lead');
  }

  async reopen(actor: Actor, id: string): Promise<cases.CaseDetail> {
    await this.tx(async (trx) => {
      await this.access.requireLead(actor, id, trx);
      const current = await this.repo.getCase(id, trx);
      if (!current) throw caseNotFound();
      if (current.status !== 'closed') throw conflict('case_not_closed', 'This case is not closed.');
      await this.repo.updateCase(trx, id, {
        status: 'open',
        closed_at: null,
        close_reason: null,
        updated_at: this.now(),
      });
      await this.record(actor, { action: 'case.reopen', recordType: 'case', recordId: id, caseId: id }, trx);
    });
    return this.detail(id, 'lead');
  }

  // ---- members ----

  async listMembers(actor: Actor, caseId: string): Promise<cases.CaseMemberListResponse> {
    await this.access.requireMember(actor, caseId);
    const items = (await this.repo.listMembers(caseId)).map(presentMember);
    await this.record(actor, { action: 'case.member_list', recordType: 'case', recordId: caseId, caseId });
    return { items };
  }

  async addMember(actor: Actor, caseId: string, input: cases.CaseMemberAddRequest): Promise<cases.CaseMember> {
    if ((input.userId === undefined) === (input.unitId === undefined))
      throw invalid('member_subject_required', 'Give either userId (a person) or unitId (a whole unit), not both.');
    const memberId = newId();
    await this.tx(async (trx) => {
      await this.access.requireLead(actor, caseId, trx);
      if (input.userId) {
        const user = await this.repo.getUser(input.userId, trx);
        if (!user || user.disabled)
          throw notFound('user_not_found', 'No active user with this id. Check the person in the user list.');
      } else if (!(await this.repo.getUnit(input.unitId!, trx))) {
        throw notFound('unit_not_found', 'No unit with this id. Check the unit in the agency list.');
      }
      const subject = input.userId ? { userId: input.userId } : { unitId: input.unitId! };
      if (await this.repo.findMember(trx, caseId, subject))
        throw conflict('member_exists', 'Already a member of this case. Change their case role instead.');
      await this.repo.insertMember(trx, {
        id: memberId,
        case_id: caseId,
        user_id: input.userId ?? null,
        unit_id: input.unitId ?? null,
        case_role: input.caseRole,
        added_by: actor.userId,
        added_at: this.now(),
      });
      await this.repo.touchCase(trx, caseId, this.now());
      await this.record(
        actor,
        {
          action: 'case.member_add',
          recordType: 'case_member',
          recordId: memberId,
          caseId,
          details: {
            kind: input.userId ? 'user' : 'unit',
            subjectId: input.userId ?? input.unitId,
            caseRole: input.caseRole,
          },
        },
        trx,
      );
    });
    const member = (await this.repo.listMembers(caseId)).find((m) => m.id === memberId);
    if (!member) throw caseNotFound();
    return presentMember(member);
  }

  async updateMember(actor: Actor, caseId: string, memberId: string, caseRole: CaseRole): Promise<cases.CaseMember> {
    await this.tx(async (trx) => {
      await this.access.requireLead(actor, caseId, trx);
      const member = await this.repo.getMember(caseId, memberId, trx);
      if (!member) throw notFound('member_not_found', 'This person or unit is not a member of the case.');
      if (member.case_role === 'lead' && caseRole !== 'lead' && (await this.repo.countLeads(trx, caseId)) <= 1)
        throw conflict('case_last_lead', 'A case needs at least one lead. Make someone else lead first.');
      await this.repo.updateMemberRole(trx, memberId, caseRole);
      await this.record(
        actor,
        {
          action: 'case.member_update',
          recordType: 'case_member',
          recordId: memberId,
          caseId,
          details: { from: member.case_role, to: caseRole },
        },
        trx,
      );
    });
    const member = (await this.repo.listMembers(caseId)).find((m) => m.id === memberId);
    if (!member) throw notFound('member_not_found', 'This person or unit is not a member of the case.');
    return presentMember(member);
  }

  async removeMember(actor: Actor, caseId: string, memberId: string): Promise<void> {
    await this.tx(async (trx) => {
      await this.access.requireLead(actor, caseId, trx);
      const member = await this.repo.getMember(caseId, memberId, trx);
      if (!member) throw notFound('member_not_found', 'This person or unit is not a member of the case.');
      if (member.case_role === 'lead' && (await this.repo.countLeads(trx, caseId)) <= 1)
        throw conflict('case_last_lead', 'A case needs at least one lead. Make someone else lead first.');
      await this.repo.deleteMember(trx, memberId);
      await this.record(
        actor,
        {
          action: 'case.member_remove',
          recordType: 'case_member',
          recordId: memberId,
          caseId,
          details: { kind: member.user_id ? 'user' : 'unit', subjectId: member.user_id ?? member.unit_id },
        },
        trx,
      );
    });
  }

  // ---- notes ----

  async listNotes(actor: Actor, caseId: string): Promise<cases.CaseNoteListResponse> {
    await this.access.requireMember(actor, caseId);
    const items = (await this.repo.listNotes(caseId)).map(presentNote);
    await this.record(actor, { action: 'note.list', recordType: 'case', recordId: caseId, caseId });
    return { items };
  }

  async addNote(actor: Actor, caseId: string, body: string): Promise<cases.CaseNote> {
    const id = newId();
    await this.tx(async (trx) => {
      await this.access.requireWriter(actor, caseId, trx);
      const now = this.now();
      await this.repo.insertNote(trx, {
        id,
        case_id: caseId,
        author_id: actor.userId,
        body,
        created_at: now,
        updated_at: now,
      });
      await this.searchDocs.upsert(
        trx,
        { recordType: 'note', recordId: id, caseId, title: noteTitle(body), body: [body] },
        now,
      );
      await this.repo.touchCase(trx, caseId, now);
      await this.record(actor, { action: 'note.create', recordType: 'note', recordId: id, caseId }, trx);
    });
    const note = await this.repo.getNote(id);
    if (!note) throw caseNotFound();
    return presentNote(note);
  }

  // ---- tasks ----

  private today(): string {
    return this.now().slice(0, 10);
  }

  private async requireOwnerCanOpen(trx: Kysely<Database>, caseId: string, ownerUserId: string): Promise<void> {
    const owner = await this.repo.getUser(ownerUserId, trx);
    const ok =
      owner &&
      !owner.disabled &&
      (await this.access.membership({ userId: owner.id, unitId: owner.unit_id }, caseId, trx));
    if (!ok)
      throw invalid(
        'task_owner_not_member',
        'The task owner must be a member of this case. Add them to the case first.',
        {
          field: 'ownerUserId',
        },
      );
  }

  async listTasks(actor: Actor, caseId: string): Promise<cases.CaseTaskListResponse> {
    await this.access.requireMember(actor, caseId);
    const today = this.today();
    const items = (await this.repo.listTasks(caseId)).map((t) => presentTask(t, today));
    await this.record(actor, { action: 'task.list', recordType: 'case', recordId: caseId, caseId });
    return { items };
  }

  async addTask(actor: Actor, caseId: string, input: cases.CaseTaskCreateRequest): Promise<cases.CaseTask> {
    if (input.dueOn) checkDates({ dueOn: input.dueOn });
    const id = newId();
    await this.tx(async (trx) => {
      await this.access.requireWriter(actor, caseId, trx);
      if (input.ownerUserId) await this.requireOwnerCanOpen(trx, caseId, input.ownerUserId);
      const now = this.now();
      const description = input.description ?? '';
      await this.repo.insertTask(trx, {
        id,
        case_id: caseId,
        title: input.title.trim(),
        description,
        owner_user_id: input.ownerUserId ?? null,
        due_on: input.dueOn ?? null,
        status: 'open',
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        completed_at: null,
      });
      await this.searchDocs.upsert(
        trx,
        { recordType: 'task', recordId: id, caseId, title: input.title, body: [description] },
        now,
      );
      await this.repo.touchCase(trx, caseId, now);
      await this.record(
        actor,
        {
          action: 'task.create',
          recordType: 'task',
          recordId: id,
          caseId,
          details: { ownerUserId: input.ownerUserId ?? null },
        },
        trx,
      );
    });
    const task = await this.repo.getTask(id);
    if (!task) throw taskNotFound();
    return presentTask(task, this.today());
  }

  async getTask(actor: Actor, taskId: string): Promise<cases.CaseTask> {
    const task = await this.repo.getTask(taskId);
    if (!task || !(await this.access.isMember(actor, task.case_id))) throw taskNotFound();
    await this.record(actor, { action: 'task.read', recordType: 'task', recordId: taskId, caseId: task.case_id });
    return presentTask(task, this.today());
  }

  async updateTask(actor: Actor, taskId: string, patch: cases.CaseTaskUpdateRequest): Promise<cases.CaseTask> {
    if (patch.dueOn) checkDates({ dueOn: patch.dueOn });
    await this.tx(async (trx) => {
      const task = await this.repo.getTask(taskId, trx);
      if (!task || !(await this.access.isMember(actor, task.case_id, trx))) throw taskNotFound();
      await this.access.requireWriter(actor, task.case_id, trx);
      if (patch.ownerUserId) await this.requireOwnerCanOpen(trx, task.case_id, patch.ownerUserId);
      const now = this.now();
      const values: Parameters<CaseRepository['updateTask']>[2] = { updated_at: now };
      if (patch.title !== undefined) values.title = patch.title.trim();
      if (patch.description !== undefined) values.description = patch.description;
      if (patch.ownerUserId !== undefined) values.owner_user_id = patch.ownerUserId;
      if (patch.dueOn !== undefined) values.due_on = patch.dueOn;
      if (patch.status !== undefined) {
        values.status = patch.status;
        values.completed_at = patch.status === 'done' ? (task.completed_at ?? now) : null;
      }
      await this.repo.updateTask(trx, taskId, values);
      await this.searchDocs.upsert(
        trx,
        {
          recordType: 'task',
          recordId: taskId,
          caseId: task.case_id,
          title: values.title ?? task.title,
          body: [values.description ?? task.description],
        },
        now,
      );
      await this.repo.touchCase(trx, task.case_id, now);
      await this.record(
        actor,
        {
          action: 'task.update',
          recordType: 'task',
          recordId: taskId,
          caseId: task.case_id,
          details: { fields: Object.keys(patch).sort() },
        },
        trx,
      );
    });
    const task = await this.repo.getTask(taskId);
    if (!task) throw taskNotFound();
    return presentTask(task, this.today());
  }

  // ---- activity and dashboard ----

  private async activityRows(actor: Actor, caseId: string | undefined, limit: number): Promise<cases.CaseActivity[]> {
    const rows = await this.repo.recentActivity(actor, {
      ...(caseId ? { caseId } : {}),
      limit,
      excludeActions: READ_ACTIONS,
    });
    return rows.map((r) => ({
      at: r.at,
      action: r.action,
      actorName: r.actor_name,
      caseId: r.case_id,
      caseReference: r.case_reference,
      recordType: r.record_type,
      recordId: r.record_id,
    }));
  }

  async activity(actor: Actor, caseId: string): Promise<cases.CaseActivityListResponse> {
    await this.access.requireMember(actor, caseId);
    const items = await this.activityRows(actor, caseId, 100);
    await this.record(actor, { action: 'case.activity_read', recordType: 'case', recordId: caseId, caseId });
    return { items };
  }

  async dashboard(actor: Actor): Promise<cases.DashboardResponse> {
    const { rows, roles } = await this.repo.listForActor(actor, {}, 10, 0);
    const myCases = this.summaries(
      rows.filter((r) => r.status !== 'closed'),
      roles,
    );
    const today = this.today();
    const myTasks = (await this.repo.listOpenTasksOwnedBy(actor, 20)).map((t) => presentTask(t, today));
    const recentActivity = await this.activityRows(actor, undefined, 20);
    await this.record(actor, { action: 'dashboard.read', details: { cases: myCases.length, tasks: myTasks.length } });
    return { myCases, myTasks, recentActivity };
  }
}
