// Test builders for the cases domain: agencies, units and users inserted directly (the identity domain's service
// is not needed to test access rules), and actors made from them.
import type { TragDatabase } from '@trag/db';
import type { Actor, Role } from '../shared/actor';
import { newId } from '../shared/ids';

const AT = '2026-11-30T09:00:00.000Z';

export async function buildAgency(
  database: TragDatabase,
  values: { name?: string; country?: string; kind?: string; prefix?: string } = {},
): Promise<{ id: string; name: string; country: string }> {
  const id = newId();
  const name = values.name ?? `Agency ${id.slice(0, 4)}`;
  const country = values.country ?? 'BA';
  await database.db
    .insertInto('agencies')
    .values({
      id,
      name,
      country,
      kind: values.kind ?? 'police',
      reference_prefix: values.prefix ?? 'TST',
      require_totp: 0,
      created_at: AT,
    })
    .execute();
  return { id, name, country };
}

export async function buildUnit(database: TragDatabase, agencyId: string, name = 'Unit'): Promise<string> {
  const id = newId();
  await database.db.insertInto('agency_units').values({ id, agency_id: agencyId, name, created_at: AT }).execute();
  return id;
}

export async function buildActor(
  database: TragDatabase,
  values: { agencyId: string; unitId?: string | null; role?: Role; username?: string; displayName?: string },
): Promise<Actor> {
  const id = newId();
  const username = values.username ?? `user-${id.slice(0, 8)}`;
  const role = values.role ?? 'investigator';
  await database.db
    .insertInto('users')
    .values({
      id,
      agency_id: values.agencyId,
      unit_id: values.unitId ?? null,
      username,
      display_name: values.displayName ?? username,
      email: null,
      role,
      password_hash: 'x',
      locale: 'en',
      disabled: 0,
      totp_secret: null,
      totp_enabled: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  return {
    userId: id,
    username,
    displayName: values.displayName ?? username,
    agencyId: values.agencyId,
    unitId: values.unitId ?? null,
    role,
    ip: '127.0.0.1',
    via: 'session',
  };
}

/** A context over a test database with a fixed clock. */
export function buildContext(database: TragDatabase) {
  let t = new Date('2026-11-30T10:00:00.000Z').getTime();
  return {
    database,
    clock: {
      now: () => {
        t += 1000;
        return new Date(t);
      },
    },
    dataDir: '/nonexistent',
  };
}
