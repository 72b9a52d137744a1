// Scale mode of the demo workspace (`trag demo load --scale`): adds N synthetic cases with ~20 entities each (default
// 10,000 cases / 200,000 entities) on top of the normal demo, in batched inserts, one transaction per batch. The
// cases domain owns these tables; this loader writes the same rows its services would (search documents folded by
// @trag/core/cases' toSearchWords), without one audit entry per row: one `demo.scale_load` entry records the run.
import { sql, type Insertable, type Kysely } from 'kysely';
import type { CaseMembersTable, CasesTable, Database, EntitiesTable, SearchDocumentsTable, UsersTable } from '@trag/db';
import { AuditService } from '@trag/core/audit';
import { toSearchWords } from '@trag/core/cases';
import { systemActor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { AppError } from '../shared/errors';
import { newId } from '../shared/ids';
import { ScaleDemoGenerator } from './demo-scale-generator';

export interface ScaleDemoOptions {
  cases?: number;
  entitiesPerCase?: number;
  seed?: number;
  /** Officers created per agency to lead the synthetic cases (disabled accounts: they cannot log in). */
  officersPerAgency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ScaleDemoResult {
  cases: number;
  entities: number;
  memberships: number;
  officers: number;
  ms: number;
}

/** Share of the synthetic cases each demo account is a member of (so "my cases" has realistic length). */
const DEMO_MEMBERSHIP: Record<string, { share: number; caseRole: string }> = {
  'demo.investigator': { share: 0.1, caseRole: 'investigator' },
  'demo.analyst': { share: 0.08, caseRole: 'analyst' },
  'demo.prosecutor': { share: 0.05, caseRole: 'prosecutor' },
  'demo.socialworker': { share: 0.05, caseRole: 'social_worker' },
  'demo.supervisor': { share: 0.1, caseRole: 'observer' },
};

const BATCH_CASES = 250;

async function insertChunks<T>(
  trx: Kysely<Database>,
  rows: T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  void trx;
}

export async function loadScaleDemo(ctx: CoreContext, options: ScaleDemoOptions = {}): Promise<ScaleDemoResult> {
  const started = Date.now();
  const total = options.cases ?? 10_000;
  const perCase = options.entitiesPerCase ?? 20;
  const generator = new ScaleDemoGenerator(options.seed ?? 2026);
  const s = generator.synth;
  const db = ctx.database.db;

  const agencies = await db
    .selectFrom('agencies')
    .select(['id', 'country', 'kind', 'reference_prefix'])
    .where('kind', '!=', 'training_centre')
    .execute();
  // Sorted here, not in SQL: the engines' collations differ, and the same seed must give the same data on both.
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  agencies.sort((a, b) => byText(a.reference_prefix + a.country, b.reference_prefix + b.country));
  const demoUsers = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', Object.keys(DEMO_MEMBERSHIP))
    .execute();
  demoUsers.sort((a, b) => byText(a.username, b.username));
  if (agencies.length === 0 || demoUsers.length === 0) {
    throw new AppError(
      'conflict',
      'demo_not_loaded',
      'Scale mode adds to the demo workspace: load it first (trag demo load, or start once with npm start).',
    );
  }

  // Officers who lead the synthetic cases: real rows in users, disabled, with an unusable password hash.
  const now = ctx.clock.now().toISOString();
  const officersPerAgency = options.officersPerAgency ?? 25;
  const officers = new Map<string, string[]>();
  const officerRows: Insertable<UsersTable>[] = [];
  for (const agency of agencies) {
    const ids: string[] = [];
    for (let i = 0; i < officersPerAgency; i++) {
      const id = newId();
      ids.push(id);
      officerRows.push({
        id,
        agency_id: agency.id,
        unit_id: null,
        username: `scale.${agency.reference_prefix.toLowerCase()}.${String(i + 1).padStart(3, '0')}.${id.slice(0, 4)}`,
        display_name: `${generator.personName('BA')} (synthetic officer)`,
        email: null,
        role: 'investigator',
        password_hash: '!synthetic-account-cannot-log-in',
        locale: 'en',
        disabled: 1,
        totp_secret: null,
        totp_enabled: 0,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
      });
    }
    officers.set(agency.id, ids);
  }
  await db
    .transaction()
    .execute((trx) => insertChunks(trx, officerRows, 200, (chunk) => trx.insertInto('users').values(chunk).execute()));

  // Continue each agency's reference counters so later cases created in the UI do not collide.
  const counters = new Map<string, number>();
  for (const row of await db.selectFrom('case_reference_counters').selectAll().execute()) {
    counters.set(`${row.agency_id}|${row.year}`, Number(row.last_value));
  }

  let entities = 0;
  let memberships = 0;
  for (let done = 0; done < total; done += BATCH_CASES) {
    const batch = Math.min(BATCH_CASES, total - done);
    const caseRows: Insertable<CasesTable>[] = [];
    const memberRows: Insertable<CaseMembersTable>[] = [];
    const entityRows: Insertable<EntitiesTable>[] = [];
    const searchRows: Insertable<SearchDocumentsTable>[] = [];
    for (let i = 0; i < batch; i++) {
      const record = generator.caseRecord();
      const agency = agencies.find((a) => a.country === record.country && s.chance(0.7)) ?? s.pick(agencies);
      const year = Number(record.openedOn.slice(0, 4));
      const counterKey = `${agency.id}|${year}`;
      const serial = (counters.get(counterKey) ?? 0) + 1;
      counters.set(counterKey, serial);
      const id = newId();
      const lead = s.pick(officers.get(agency.id)!);
      const createdAt = `${record.openedOn}T09:00:00.000Z`;
      const reference = `${agency.reference_prefix}-${year}-${String(serial).padStart(4, '0')}`;
      caseRows.push({
        id,
        agency_id: agency.id,
        reference,
        title: record.title,
        case_type: record.caseType,
        status: record.status,
        jurisdiction: record.jurisdiction,
        opened_on: record.openedOn,
        incident_from: null,
        incident_to: null,
        closed_at: record.status === 'closed' ? createdAt : null,
        close_reason: record.status === 'closed' ? 'Synthetic case closed' : null,
        tags: JSON.stringify(record.tags),
        description: record.description,
        contact_point: null,
        created_by: lead,
        created_at: createdAt,
        updated_at: createdAt,
      });
      memberRows.push({
        id: newId(),
        case_id: id,
        user_id: lead,
        unit_id: null,
        case_role: 'lead',
        added_by: lead,
        added_at: createdAt,
      });
      for (const user of demoUsers) {
        const rule = DEMO_MEMBERSHIP[user.username]!;
        if (!s.chance(rule.share)) continue;
        memberRows.push({
          id: newId(),
          case_id: id,
          user_id: user.id,
          unit_id: null,
          case_role: rule.caseRole,
          added_by: lead,
          added_at: createdAt,
        });
      }
      searchRows.push({
        record_type: 'case',
        record_id: id,
        case_id: id,
        title: record.title.slice(0, 300),
        folded_title: toSearchWords(record.title),
        folded_body: toSearchWords([reference, record.description, record.jurisdiction, ...record.tags].join(' \n ')),
        updated_at: createdAt,
      });
      for (const entity of generator.caseEntities(record.country, perCase)) {
        const entityId = newId();
        entityRows.push({
          id: entityId,
          case_id: id,
          entity_type: entity.entityType,
          label: entity.label,
          identifier_key: entity.identifierKey,
          identifier_display: entity.identifierDisplay,
          attributes: JSON.stringify(entity.attributes),
          source: 'demo:scale',
          created_by: lead,
          created_at: createdAt,
          updated_at: createdAt,
        });
        searchRows.push({
          record_type: 'entity',
          record_id: entityId,
          case_id: id,
          title: entity.label.slice(0, 300),
          folded_title: toSearchWords(entity.label),
          folded_body: toSearchWords([entity.identifierDisplay ?? '', ...Object.values(entity.attributes)].join(' ')),
          updated_at: createdAt,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertChunks(trx, caseRows, 250, (chunk) => trx.insertInto('cases').values(chunk).execute());
      await insertChunks(trx, memberRows, 500, (chunk) => trx.insertInto('case_members').values(chunk).execute());
      await insertChunks(trx, entityRows, 500, (chunk) => trx.insertInto('entities').values(chunk).execute());
      await insertChunks(trx, searchRows, 500, (chunk) => trx.insertInto('search_documents').values(chunk).execute());
    });
    entities += entityRows.length;
    memberships += memberRows.length;
    options.onProgress?.(done + batch, total);
  }

  await db.transaction().execute(async (trx) => {
    for (const [key, last] of counters) {
      const [agencyId, year] = key.split('|') as [string, string];
      await trx
        .insertInto('case_reference_counters')
        .values({ agency_id: agencyId, year: Number(year), last_value: last })
        .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet({ last_value: last }))
        .execute();
    }
  });
  if (ctx.database.dialect === 'postgres') {
    await sql`ANALYZE`.execute(db);
  } else {
    ctx.database.sqlite?.exec('ANALYZE');
  }
  const result = {
    cases: total,
    entities,
    memberships,
    officers: officerRows.length,
    ms: Date.now() - started,
  };
  await new AuditService(ctx).record(systemActor(), {
    action: 'demo.scale_load',
    details: { cases: result.cases, entities: result.entities, memberships: result.memberships },
  });
  return result;
}
