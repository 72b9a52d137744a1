// Every query of the cooperation domain. No HTTP, no rules. The hit/no-hit index reads the identifier keys of the
// agency's case entities (cases + entities, read only) because that is what it indexes; nothing else here touches
// another domain's tables.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CoopIndexTable, CoopMaterialTable, CoopPackagesTable, CoopPartnersTable, Database } from '@trag/db';

export type PartnerRow = Selectable<CoopPartnersTable>;
export type PackageRow = Selectable<CoopPackagesTable>;
export type MaterialRow = Selectable<CoopMaterialTable>;
export type IndexRow = Selectable<CoopIndexTable>;

type Db = Kysely<Database>;

export class CooperationRepository {
  constructor(private readonly db: Db) {}

  // ---------------------------------------------------------------- partners
  listPartners(agencyId: string, trx: Db = this.db): Promise<PartnerRow[]> {
    return trx.selectFrom('coop_partners').selectAll().where('agency_id', '=', agencyId).orderBy('name').execute();
  }

  getPartner(agencyId: string, id: string, trx: Db = this.db): Promise<PartnerRow | undefined> {
    return trx
      .selectFrom('coop_partners')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  getPartnerByFingerprint(agencyId: string, fingerprint: string, trx: Db = this.db): Promise<PartnerRow | undefined> {
    return trx
      .selectFrom('coop_partners')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fingerprint', '=', fingerprint)
      .executeTakeFirst();
  }

  async insertPartner(row: PartnerRow, trx: Db = this.db): Promise<void> {
    await trx.insertInto('coop_partners').values(row).execute();
  }

  async updatePartner(id: string, change: Partial<PartnerRow>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('coop_partners').set(change).where('id', '=', id).execute();
  }

  // ---------------------------------------------------------------- packages
  async insertPackage(row: PackageRow, trx: Db = this.db): Promise<void> {
    await trx.insertInto('coop_packages').values(row).execute();
  }

  getPackage(agencyId: string, id: string, trx: Db = this.db): Promise<PackageRow | undefined> {
    return trx
      .selectFrom('coop_packages')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  getPackageByPackageId(
    agencyId: string,
    direction: 'in' | 'out',
    packageId: string,
    trx: Db = this.db,
  ): Promise<PackageRow | undefined> {
    return trx
      .selectFrom('coop_packages')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('direction', '=', direction)
      .where('package_id', '=', packageId)
      .executeTakeFirst();
  }

  listPackages(agencyId: string, trx: Db = this.db): Promise<PackageRow[]> {
    return trx
      .selectFrom('coop_packages')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(500)
      .execute();
  }

  async updatePackage(id: string, change: Partial<PackageRow>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('coop_packages').set(change).where('id', '=', id).execute();
  }

  // ---------------------------------------------------------------- material and handling codes
  async insertMaterial(row: MaterialRow, trx: Db = this.db): Promise<void> {
    await trx.insertInto('coop_material').values(row).execute();
  }

  listMaterial(caseId: string, trx: Db = this.db): Promise<MaterialRow[]> {
    return trx.selectFrom('coop_material').selectAll().where('case_id', '=', caseId).execute();
  }

  materialFor(recordIds: string[], trx: Db = this.db): Promise<MaterialRow[]> {
    if (recordIds.length === 0) return Promise.resolve([]);
    return trx.selectFrom('coop_material').selectAll().where('record_id', 'in', recordIds).execute();
  }

  // ---------------------------------------------------------------- hit/no-hit index
  /** Identifier entities of the agency's cases that are not in the index yet. */
  unindexedIdentifiers(agencyId: string, types: readonly string[], limit: number, trx: Db = this.db) {
    return trx
      .selectFrom('entities as e')
      .innerJoin('cases as c', 'c.id', 'e.case_id')
      .leftJoin('coop_index as i', (join) => join.onRef('i.entity_id', '=', 'e.id').on('i.agency_id', '=', agencyId))
      .select(['e.id', 'e.entity_type', 'e.identifier_key'])
      .where('c.agency_id', '=', agencyId)
      .where('e.entity_type', 'in', types)
      .where('e.identifier_key', 'is not', null)
      .where('i.entity_id', 'is', null)
      .limit(limit)
      .execute();
  }

  /** Removes index entries whose entity is gone. */
  async pruneIndex(agencyId: string, trx: Db = this.db): Promise<number> {
    const result = await trx
      .deleteFrom('coop_index')
      .where('agency_id', '=', agencyId)
      .where('entity_id', 'not in', trx.selectFrom('entities').select('id'))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Removes index entries computed with another protocol version (they are recomputed as unindexed). */
  async dropOtherProtocols(agencyId: string, protocol: string, trx: Db = this.db): Promise<number> {
    const result = await trx
      .deleteFrom('coop_index')
      .where('agency_id', '=', agencyId)
      .where('protocol', '<>', protocol)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async insertIndexEntries(rows: IndexRow[], trx: Db = this.db): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('coop_index')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  }

  async indexEntries(agencyId: string, protocol: string, trx: Db = this.db): Promise<string[]> {
    const rows = await trx
      .selectFrom('coop_index')
      .select('entry')
      .distinct()
      .where('agency_id', '=', agencyId)
      .where('protocol', '=', protocol)
      .orderBy('entry')
      .execute();
    return rows.map((r) => r.entry);
  }

  async countIndex(agencyId: string, trx: Db = this.db): Promise<number> {
    const row = await trx
      .selectFrom('coop_index')
      .select(sql<number>`count(*)`.as('n'))
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  // ---------------------------------------------------------------- queries, rate limit, nonces
  async logQuery(row: Selectable<Database['coop_queries']>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('coop_queries').values(row).execute();
  }

  /** Identifiers a partner asked about since `since`, and how many requests. */
  async inboundLoad(partnerId: string, since: string, trx: Db = this.db): Promise<{ requests: number; items: number }> {
    const row = await trx
      .selectFrom('coop_queries')
      .select([sql<number>`count(*)`.as('requests'), sql<number>`coalesce(sum(items), 0)`.as('items')])
      .where('partner_id', '=', partnerId)
      .where('direction', '=', 'in')
      .where('created_at', '>=', since)
      .executeTakeFirst();
    return { requests: Number(row?.requests ?? 0), items: Number(row?.items ?? 0) };
  }

  /** Stores a nonce; false if it was already there. Old nonces (outside the window) are removed on the way. */
  async useNonce(
    fingerprint: string,
    nonce: string,
    now: string,
    olderThan: string,
    trx: Db = this.db,
  ): Promise<boolean> {
    await trx.deleteFrom('coop_nonces').where('seen_at', '<', olderThan).execute();
    const result = await trx
      .insertInto('coop_nonces')
      .values({ sender_fingerprint: fingerprint, nonce, seen_at: now })
      .onConflict((oc) => oc.columns(['sender_fingerprint', 'nonce']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
