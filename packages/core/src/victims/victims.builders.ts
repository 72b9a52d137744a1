// Test builders for the victims domain: an agency, a case and members inserted directly, and a ready
// VictimProtection with a fixed test master key in a throw-away data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TragDatabase } from '@trag/db';
import type { Actor, Role } from '../shared/actor';
import { fixedClock } from '../shared/clock';
import type { CoreContext } from '../shared/context';
import { newId } from '../shared/ids';
import type { Classification } from './field-groups';
import { createVictimProtection, type VictimProtection } from './victim-protection';

const AT = '2026-11-30T09:00:00.000Z';
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

export interface VictimsWorld {
  ctx: CoreContext;
  protection: VictimProtection;
  caseId: string;
  agencyId: string;
  socialWorker: Actor;
  investigator: Actor;
  prosecutor: Actor;
  supervisor: Actor;
  outsider: Actor;
  member(role: Role, caseRole?: string): Promise<Actor>;
  close(): Promise<void>;
}

export async function buildActorRow(
  database: TragDatabase,
  agencyId: string,
  role: Role,
  name?: string,
): Promise<Actor> {
  const id = newId();
  const username = `${role}-${id.slice(0, 6)}`;
  await database.db
    .insertInto('users')
    .values({
      id,
      agency_id: agencyId,
      unit_id: null,
      username,
      display_name: name ?? username,
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
    displayName: name ?? username,
    agencyId,
    unitId: null,
    role,
    ip: '127.0.0.1',
    via: 'session',
  };
}

export async function addMember(database: TragDatabase, caseId: string, actor: Actor, caseRole: string): Promise<void> {
  await database.db
    .insertInto('case_members')
    .values({
      id: newId(),
      case_id: caseId,
      user_id: actor.userId,
      unit_id: null,
      case_role: caseRole,
      added_by: 'system',
      added_at: AT,
    })
    .execute();
}

export async function buildVictimsWorld(database: TragDatabase): Promise<VictimsWorld> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trag-victims-'));
  const ctx: CoreContext = { database, clock: fixedClock(AT), dataDir };
  const protection = createVictimProtection(ctx, {
    env: { TRAG_MASTER_KEY: TEST_MASTER_KEY },
    allowGeneratedKey: false,
  });
  const agencyId = newId();
  await database.db
    .insertInto('agencies')
    .values({
      id: agencyId,
      name: 'Centre for Social Work',
      country: 'RS',
      kind: 'social_welfare',
      reference_prefix: 'CSW',
      require_totp: 0,
      created_at: AT,
    })
    .execute();
  const caseId = newId();
  await database.db
    .insertInto('cases')
    .values({
      id: caseId,
      agency_id: agencyId,
      reference: `CSW-2026-${caseId.slice(0, 4)}`,
      title: 'Synthetic test case',
      case_type: 'labour_exploitation',
      status: 'open',
      jurisdiction: 'RS',
      opened_on: '2026-11-01',
      incident_from: null,
      incident_to: null,
      closed_at: null,
      close_reason: null,
      tags: '[]',
      description: '',
      contact_point: null,
      created_by: 'system',
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  const member = async (
    role: Role,
    caseRole: string = role === 'social_worker' || role === 'prosecutor' || role === 'investigator' ? role : 'observer',
  ) => {
    const actor = await buildActorRow(database, agencyId, role);
    await addMember(database, caseId, actor, caseRole);
    return actor;
  };
  return {
    ctx,
    protection,
    caseId,
    agencyId,
    socialWorker: await member('social_worker'),
    investigator: await member('investigator', 'lead'),
    prosecutor: await member('prosecutor'),
    supervisor: await member('supervisor', 'observer'),
    outsider: await buildActorRow(database, agencyId, 'social_worker'),
    member,
    async close() {
      await protection.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function buildClassification(values: Partial<Classification> = {}): Classification {
  return {
    gender: 'Female',
    ageBand: '18-24',
    isChild: false,
    nationality: 'RS',
    exploitationTypes: ['labour'],
    recruitmentMethod: 'JobOfferOrAdvertisement',
    ...values,
  };
}
