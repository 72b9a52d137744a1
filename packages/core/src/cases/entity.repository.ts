// Every query of entities and entity links. No HTTP, no rules.
import type { Kysely, Selectable } from 'kysely';
import type { Database, EntitiesTable, EntityLinksTable } from '@trag/db';
import type { Actor } from '../shared/actor';
import { memberCaseIdsQuery } from './case-access';

export type EntityRow = Selectable<EntitiesTable>;
export type EntityLinkRow = Selectable<EntityLinksTable>;

export interface OccurrenceRow {
  entity_id: string;
  case_id: string;
  case_reference: string;
  case_title: string;
  contact_point: string | null;
  agency_name: string;
  agency_country: string;
}

export class EntityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string, trx: Kysely<Database> = this.db): Promise<EntityRow | undefined> {
    return trx.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async getByKey(trx: Kysely<Database>, caseId: string, entityType: string, key: string) {
    return trx
      .selectFrom('entities')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('entity_type', '=', entityType)
      .where('identifier_key', '=', key)
      .executeTakeFirst();
  }

  /** Inserts unless the case already holds this identifier; returns whether a row was inserted. */
  async insert(trx: Kysely<Database>, row: EntityRow): Promise<boolean> {
    if (row.identifier_key === null) {
      await trx.insertInto('entities').values(row).execute();
      return true;
    }
    const result = await trx
      .insertInto('entities')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['case_id', 'entity_type', 'identifier_key']).where('identifier_key', 'is not', null).doNothing(),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async update(trx: Kysely<Database>, id: string, values: Partial<EntityRow>): Promise<void> {
    await trx.updateTable('entities').set(values).where('id', '=', id).execute();
  }

  async delete(trx: Kysely<Database>, id: string): Promise<string[]> {
    const links = await trx
      .deleteFrom('entity_links')
      .where((eb) => eb.or([eb('from_entity_id', '=', id), eb('to_entity_id', '=', id)]))
      .returning('id')
      .execute();
    await trx.deleteFrom('entities').where('id', '=', id).execute();
    return links.map((l) => l.id);
  }

  async list(caseId: string, entityType: string | undefined, limit: number, offset: number) {
    let q = this.db.selectFrom('entities').where('case_id', '=', caseId);
    if (entityType) q = q.where('entity_type', '=', entityType);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .orderBy('entity_type')
      .orderBy('label')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    return { rows, total: Number(total.n) };
  }

  /** For each entity id: in how many other cases its identifier appears. */
  async hitCounts(entityIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (entityIds.length === 0) return counts;
    const rows = await this.db
      .selectFrom('entities as e')
      .innerJoin('entities as o', (join) =>
        join
          .onRef('o.entity_type', '=', 'e.entity_type')
          .onRef('o.identifier_key', '=', 'e.identifier_key')
          .onRef('o.case_id', '<>', 'e.case_id'),
      )
      .select(['e.id', (eb) => eb.fn.count<number>('o.case_id').distinct().as('n')])
      .where('e.id', 'in', entityIds)
      .where('e.identifier_key', 'is not', null)
      .groupBy('e.id')
      .execute();
    for (const r of rows) counts.set(r.id, Number(r.n));
    return counts;
  }

  /** Other cases holding the same identifier, one row per case, with whether the actor can open each. */
  async occurrences(actor: Actor, entity: EntityRow, limit = 100): Promise<(OccurrenceRow & { is_member: boolean })[]> {
    if (entity.identifier_key === null) return [];
    const rows = await this.db
      .selectFrom('entities')
      .innerJoin('cases', 'cases.id', 'entities.case_id')
      .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
      .select([
        'entities.id as entity_id',
        'cases.id as case_id',
        'cases.reference as case_reference',
        'cases.title as case_title',
        'cases.contact_point',
        'agencies.name as agency_name',
        'agencies.country as agency_country',
      ])
      .where('entities.entity_type', '=', entity.entity_type)
      .where('entities.identifier_key', '=', entity.identifier_key)
      .where('entities.case_id', '<>', entity.case_id)
      .orderBy('cases.created_at')
      .limit(limit)
      .execute();
    if (rows.length === 0) return [];
    const member = new Set(
      (
        await memberCaseIdsQuery(this.db, actor)
          .where(
            'case_members.case_id',
            'in',
            rows.map((r) => r.case_id),
          )
          .execute()
      ).map((r) => r.case_id),
    );
    const seen = new Set<string>();
    const out: (OccurrenceRow & { is_member: boolean })[] = [];
    for (const r of rows) {
      if (seen.has(r.case_id)) continue;
      seen.add(r.case_id);
      out.push({ ...r, is_member: member.has(r.case_id) });
    }
    return out;
  }

  // ---- links ----

  async insertLink(trx: Kysely<Database>, row: EntityLinkRow): Promise<void> {
    await trx.insertInto('entity_links').values(row).execute();
  }

  async getLink(id: string, trx: Kysely<Database> = this.db): Promise<EntityLinkRow | undefined> {
    return trx.selectFrom('entity_links').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async deleteLink(trx: Kysely<Database>, id: string): Promise<void> {
    await trx.deleteFrom('entity_links').where('id', '=', id).execute();
  }

  async listLinks(caseId: string): Promise<EntityLinkRow[]> {
    return this.db
      .selectFrom('entity_links')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(5000)
      .execute();
  }

  async linksOf(entityId: string) {
    return this.db
      .selectFrom('entity_links')
      .innerJoin('entities as f', 'f.id', 'entity_links.from_entity_id')
      .innerJoin('entities as t', 't.id', 'entity_links.to_entity_id')
      .select([
        'entity_links.id',
        'entity_links.link_type',
        'entity_links.source',
        'entity_links.from_entity_id',
        'f.entity_type as from_type',
        'f.label as from_label',
        'entity_links.to_entity_id',
        't.entity_type as to_type',
        't.label as to_label',
      ])
      .where((eb) =>
        eb.or([eb('entity_links.from_entity_id', '=', entityId), eb('entity_links.to_entity_id', '=', entityId)]),
      )
      .orderBy('entity_links.created_at')
      .limit(1000)
      .execute();
  }
}
