// Every query of cases, members, notes, tasks and the reference counters. No HTTP, no rules.
import { SqliteAdapter, sql, type Kysely, type Selectable } from 'kysely';
import type { CaseMembersTable, CaseNotesTable, CaseTasksTable, CasesTable, Database } from '@trag/db';
import type { Actor } from '../shared/actor';
import { memberCaseIdsQuery } from './case-access';

export type CaseRow = Selectable<CasesTable>;
export type CaseMemberRow = Selectable<CaseMembersTable>;
export type CaseNoteRow = Selectable<CaseNotesTable>;
export type CaseTaskRow = Selectable<CaseTasksTable>;

export type CaseWithAgency = CaseRow & { agency_name: string; agency_country: string };

export interface CaseListFilter {
  status?: string | undefined;
  caseType?: string | undefined;
  tag?: string | undefined;
}

export interface MemberView extends CaseMemberRow {
  name: string;
  subject_agency_id: string;
  subject_agency_name: string;
}

export type TaskView = CaseTaskRow & {
  case_reference: string;
  case_title: string;
  owner_name: string | null;
  owner_agency_name: string | null;
};

export type NoteView = CaseNoteRow & { author_name: string | null; author_agency_name: string | null };

const CASE_COLUMNS = [
  'cases.id',
  'cases.agency_id',
  'cases.reference',
  'cases.title',
  'cases.case_type',
  'cases.status',
  'cases.jurisdiction',
  'cases.opened_on',
  'cases.incident_from',
  'cases.incident_to',
  'cases.closed_at',
  'cases.close_reason',
  'cases.tags',
  'cases.description',
  'cases.contact_point',
  'cases.created_by',
  'cases.created_at',
  'cases.updated_at',
] as const;

export class CaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private dialect(): 'sqlite' | 'postgres' {
    return this.db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
  }

  async getAgency(agencyId: string, trx: Kysely<Database> = this.db) {
    return trx
      .selectFrom('agencies')
      .select(['id', 'name', 'country', 'reference_prefix'])
      .where('id', '=', agencyId)
      .executeTakeFirst();
  }

  /** Next number of the agency's yearly sequence; atomic on both engines. */
  async nextReferenceNumber(trx: Kysely<Database>, agencyId: string, year: number): Promise<number> {
    const row = await trx
      .insertInto('case_reference_counters')
      .values({ agency_id: agencyId, year, last_value: 1 })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year'])
          .doUpdateSet({ last_value: sql<number>`case_reference_counters.last_value + 1` }),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return Number(row.last_value);
  }

  async referenceTaken(trx: Kysely<Database>, agencyId: string, reference: string, exceptId?: string) {
    let q = trx.selectFrom('cases').select('id').where('agency_id', '=', agencyId).where('reference', '=', reference);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async insertCase(trx: Kysely<Database>, row: CaseRow): Promise<void> {
    await trx.insertInto('cases').values(row).execute();
  }

  async updateCase(trx: Kysely<Database>, id: string, values: Partial<CaseRow>): Promise<void> {
    await trx.updateTable('cases').set(values).where('id', '=', id).execute();
  }

  async touchCase(trx: Kysely<Database>, id: string, at: string): Promise<void> {
    await trx.updateTable('cases').set({ updated_at: at }).where('id', '=', id).execute();
  }

  async getCase(id: string, trx: Kysely<Database> = this.db): Promise<CaseWithAgency | undefined> {
    return trx
      .selectFrom('cases')
      .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
      .select([...CASE_COLUMNS, 'agencies.name as agency_name', 'agencies.country as agency_country'])
      .where('cases.id', '=', id)
      .executeTakeFirst();
  }

  async counts(caseId: string) {
    const one = async (table: 'case_members' | 'entities' | 'entity_links' | 'case_notes') =>
      Number(
        (
          await this.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('case_id', '=', caseId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const openTasks = await this.db
      .selectFrom('case_tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return {
      members: await one('case_members'),
      entities: await one('entities'),
      links: await one('entity_links'),
      notes: await one('case_notes'),
      openTasks: Number(openTasks.n),
    };
  }

  /** The actor's cases with their strongest case role, newest activity first. */
  /**
   * One page of the actor's cases, newest activity first, the number of all of them, and the actor's case roles on
   * the page's cases.
   */
  async listForActor(
    actor: Actor,
    filter: CaseListFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: CaseWithAgency[]; total: number; roles: Map<string, string[]> }> {
    const members = memberCaseIdsQuery(this.db, actor);
    let base = this.db.selectFrom('cases').where('cases.id', 'in', members);
    // The same filters as SQL fragments, for the page query below.
    const conditions = [sql`cases.id in (${members})`];
    if (filter.status) {
      base = base.where('cases.status', '=', filter.status);
      conditions.push(sql`cases.status = ${filter.status}`);
    }
    if (filter.caseType) {
      base = base.where('cases.case_type', '=', filter.caseType);
      conditions.push(sql`cases.case_type = ${filter.caseType}`);
    }
    if (filter.tag) {
      // tags is a JSON array stored as text; match the quoted element exactly (same escape rule on both engines).
      const pattern = `%${JSON.stringify(filter.tag).replace(/[%_\\]/g, '\\$&')}%`;
      const tagMatch = sql<boolean>`cases.tags like ${pattern} escape '\\'`;
      base = base.where(tagMatch);
      conditions.push(tagMatch);
    }
    // Without filters the total is the number of distinct member cases, counted from case_members' own indexes
    // (case_id references cases, so every membership names an existing case) instead of looking up every case.
    const total =
      filter.status || filter.caseType || filter.tag
        ? await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
        : await members
            .clearSelect()
            .select((eb) => eb.fn.count<number>('case_members.case_id').distinct().as('n'))
            .executeTakeFirstOrThrow();
    // Sort narrow rows first, then fetch the page's full rows: sorting ~1,000 wide rows (descriptions) is what costs.
    // The covering index cases_member_list_idx (id, updated_at, status, case_type; migration 0070) serves the member
    // lookups without reading the wide rows, unless the tag filter needs them. SQLite's planner prefers the primary
    // key's index for "id in (…)", so the SQLite query names the covering index; PostgreSQL chooses it by itself.
    // The page, its full rows and the actor's roles on them come in one statement (it was three).
    const sqlite = this.dialect() === 'sqlite';
    const pageSource = sqlite && !filter.tag ? sql`cases indexed by cases_member_list_idx` : sql`cases`;
    const memberOf = actor.unitId
      ? sql`(m.user_id = ${actor.userId} or m.unit_id = ${actor.unitId})`
      : sql`m.user_id = ${actor.userId}`;
    const rolesOf = sqlite ? sql`group_concat(m.case_role, ',')` : sql`string_agg(m.case_role, ',')`;
    const found = await sql<CaseWithAgency & { member_roles: string | null }>`
      select ${sql.join(CASE_COLUMNS.map((column) => sql.ref(column)))},
        agencies.name as agency_name, agencies.country as agency_country,
        (select ${rolesOf} from case_members m where m.case_id = cases.id and ${memberOf}) as member_roles
      from (
        select cases.id as page_id, cases.updated_at as page_updated_at
        from ${pageSource}
        where ${sql.join(conditions, sql` and `)}
        order by cases.updated_at desc, cases.id
        limit ${limit} offset ${offset}
      ) page
      join cases on cases.id = page.page_id
      join agencies on agencies.id = cases.agency_id
      order by page.page_updated_at desc, page.page_id`.execute(this.db);
    const roles = new Map<string, string[]>();
    const rows = found.rows.map(({ member_roles, ...row }) => {
      roles.set(row.id, member_roles ? member_roles.split(',') : []);
      return row;
    });
    return { rows, total: Number(total.n), roles };
  }

  // ---- members ----

  async listMembers(caseId: string, trx: Kysely<Database> = this.db): Promise<MemberView[]> {
    const users = await trx
      .selectFrom('case_members')
      .innerJoin('users', 'users.id', 'case_members.user_id')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .selectAll('case_members')
      .select([
        'users.display_name as name',
        'agencies.id as subject_agency_id',
        'agencies.name as subject_agency_name',
      ])
      .where('case_members.case_id', '=', caseId)
      .execute();
    const units = await trx
      .selectFrom('case_members')
      .innerJoin('agency_units', 'agency_units.id', 'case_members.unit_id')
      .innerJoin('agencies', 'agencies.id', 'agency_units.agency_id')
      .selectAll('case_members')
      .select(['agency_units.name as name', 'agencies.id as subject_agency_id', 'agencies.name as subject_agency_name'])
      .where('case_members.case_id', '=', caseId)
      .execute();
    return [...users, ...units].sort((a, b) =>
      a.added_at < b.added_at ? -1 : a.added_at > b.added_at ? 1 : a.id < b.id ? -1 : 1,
    );
  }

  async getMember(caseId: string, memberId: string, trx: Kysely<Database> = this.db) {
    return trx
      .selectFrom('case_members')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', memberId)
      .executeTakeFirst();
  }

  async findMember(trx: Kysely<Database>, caseId: string, subject: { userId?: string; unitId?: string }) {
    let q = trx.selectFrom('case_members').selectAll().where('case_id', '=', caseId);
    q = subject.userId ? q.where('user_id', '=', subject.userId) : q.where('unit_id', '=', subject.unitId ?? '');
    return q.executeTakeFirst();
  }

  async insertMember(trx: Kysely<Database>, row: CaseMemberRow): Promise<void> {
    await trx.insertInto('case_members').values(row).execute();
  }

  async updateMemberRole(trx: Kysely<Database>, memberId: string, caseRole: string): Promise<void> {
    await trx.updateTable('case_members').set({ case_role: caseRole }).where('id', '=', memberId).execute();
  }

  async deleteMember(trx: Kysely<Database>, memberId: string): Promise<void> {
    await trx.deleteFrom('case_members').where('id', '=', memberId).execute();
  }

  async countLeads(trx: Kysely<Database>, caseId: string): Promise<number> {
    const row = await trx
      .selectFrom('case_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .where('case_role', '=', 'lead')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async getUser(userId: string, trx: Kysely<Database> = this.db) {
    return trx
      .selectFrom('users')
      .select(['id', 'unit_id', 'agency_id', 'display_name', 'disabled'])
      .where('id', '=', userId)
      .executeTakeFirst();
  }

  async getUnit(unitId: string, trx: Kysely<Database> = this.db) {
    return trx
      .selectFrom('agency_units')
      .select(['id', 'agency_id', 'name'])
      .where('id', '=', unitId)
      .executeTakeFirst();
  }

  // ---- notes ----

  async insertNote(trx: Kysely<Database>, row: CaseNoteRow): Promise<void> {
    await trx.insertInto('case_notes').values(row).execute();
  }

  async listNotes(caseId: string): Promise<NoteView[]> {
    return this.db
      .selectFrom('case_notes')
      .leftJoin('users', 'users.id', 'case_notes.author_id')
      .leftJoin('agencies', 'agencies.id', 'users.agency_id')
      .selectAll('case_notes')
      .select(['users.display_name as author_name', 'agencies.name as author_agency_name'])
      .where('case_notes.case_id', '=', caseId)
      .orderBy('case_notes.created_at', 'desc')
      .orderBy('case_notes.id')
      .limit(500)
      .execute();
  }

  async getNote(noteId: string, trx: Kysely<Database> = this.db): Promise<NoteView | undefined> {
    return trx
      .selectFrom('case_notes')
      .leftJoin('users', 'users.id', 'case_notes.author_id')
      .leftJoin('agencies', 'agencies.id', 'users.agency_id')
      .selectAll('case_notes')
      .select(['users.display_name as author_name', 'agencies.name as author_agency_name'])
      .where('case_notes.id', '=', noteId)
      .executeTakeFirst();
  }

  // ---- tasks ----

  private taskQuery(trx: Kysely<Database>) {
    return trx
      .selectFrom('case_tasks')
      .innerJoin('cases', 'cases.id', 'case_tasks.case_id')
      .leftJoin('users', 'users.id', 'case_tasks.owner_user_id')
      .leftJoin('agencies', 'agencies.id', 'users.agency_id')
      .selectAll('case_tasks')
      .select([
        'cases.reference as case_reference',
        'cases.title as case_title',
        'users.display_name as owner_name',
        'agencies.name as owner_agency_name',
      ]);
  }

  async insertTask(trx: Kysely<Database>, row: CaseTaskRow): Promise<void> {
    await trx.insertInto('case_tasks').values(row).execute();
  }

  async updateTask(trx: Kysely<Database>, id: string, values: Partial<CaseTaskRow>): Promise<void> {
    await trx.updateTable('case_tasks').set(values).where('id', '=', id).execute();
  }

  async getTask(id: string, trx: Kysely<Database> = this.db): Promise<TaskView | undefined> {
    return this.taskQuery(trx).where('case_tasks.id', '=', id).executeTakeFirst();
  }

  async listTasks(caseId: string): Promise<TaskView[]> {
    return this.taskQuery(this.db)
      .where('case_tasks.case_id', '=', caseId)
      .orderBy('case_tasks.status', 'desc')
      .orderBy(sql`coalesce(case_tasks.due_on, '9999-12-31')`)
      .orderBy('case_tasks.created_at')
      .limit(500)
      .execute();
  }

  /** Open tasks owned by the actor, in cases the actor can still open. */
  async listOpenTasksOwnedBy(actor: Actor, limit: number): Promise<TaskView[]> {
    return this.taskQuery(this.db)
      .where('case_tasks.owner_user_id', '=', actor.userId)
      .where('case_tasks.status', '=', 'open')
      .where('case_tasks.case_id', 'in', memberCaseIdsQuery(this.db, actor))
      .orderBy(sql`coalesce(case_tasks.due_on, '9999-12-31')`)
      .orderBy('case_tasks.created_at')
      .limit(limit)
      .execute();
  }

  // ---- activity (read-only view of the audit log for the actor's cases) ----

  async recentActivity(actor: Actor, options: { caseId?: string; limit: number; excludeActions: string[] }) {
    let q = this.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .leftJoin('cases', 'cases.id', 'audit_log.case_id')
      .select([
        'audit_log.seq',
        'audit_log.at',
        'audit_log.action',
        'audit_log.case_id',
        'audit_log.record_type',
        'audit_log.record_id',
        'users.display_name as actor_name',
        'cases.reference as case_reference',
      ])
      .where('audit_log.action', 'not in', options.excludeActions);
    q = options.caseId
      ? q.where('audit_log.case_id', '=', options.caseId)
      : q.where('audit_log.case_id', 'in', memberCaseIdsQuery(this.db, actor));
    return q.orderBy('audit_log.seq', 'desc').limit(options.limit).execute();
  }
}
