import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AgenciesTable, AgencyUnitsTable, Database } from '@trag/db';

export type AgencyRow = Selectable<AgenciesTable>;
export type AgencyUnitRow = Selectable<AgencyUnitsTable>;

const AGENCY_COLUMNS = ['id', 'name', 'country', 'kind', 'reference_prefix', 'require_totp', 'created_at'] as const;
const UNIT_COLUMNS = ['id', 'agency_id', 'name', 'created_at'] as const;

export class AgencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string, trx: Kysely<Database> = this.db): Promise<AgencyRow | undefined> {
    return trx.selectFrom('agencies').select(AGENCY_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async getByName(name: string, trx: Kysely<Database> = this.db): Promise<AgencyRow | undefined> {
    return trx.selectFrom('agencies').select(AGENCY_COLUMNS).where('name', '=', name).executeTakeFirst();
  }

  async list(trx: Kysely<Database> = this.db): Promise<AgencyRow[]> {
    return trx.selectFrom('agencies').select(AGENCY_COLUMNS).orderBy('country').orderBy('name').execute();
  }

  async create(row: Insertable<AgenciesTable>, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.insertInto('agencies').values(row).execute();
  }

  async update(id: string, changes: Updateable<AgenciesTable>, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.updateTable('agencies').set(changes).where('id', '=', id).execute();
  }

  async getUnit(id: string, trx: Kysely<Database> = this.db): Promise<AgencyUnitRow | undefined> {
    return trx.selectFrom('agency_units').select(UNIT_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async listUnits(agencyId: string, trx: Kysely<Database> = this.db): Promise<AgencyUnitRow[]> {
    return trx
      .selectFrom('agency_units')
      .select(UNIT_COLUMNS)
      .where('agency_id', '=', agencyId)
      .orderBy('name')
      .execute();
  }

  async createUnit(row: Insertable<AgencyUnitsTable>, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.insertInto('agency_units').values(row).execute();
  }
}
