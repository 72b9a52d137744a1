// The identity part of the SYNTHETIC demo workspace: invented agencies in the four countries and one account per
// role. Every name here is made up and marked "DEMO"; the passwords are printed by `npm start` in demo mode only.
import type { identity } from '@trag/contracts';
import { systemActor, type Actor, type AgencyKind, type Role } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { AgencyService } from './agency.service';
import { UserService } from './user.service';

export interface DemoAgency extends identity.Agency {
  /** Stable handle for other domains' demo parts: 'police_ba', 'prosecution_me', 'social_mk', 'police_rs', 'training'. */
  key: string;
  units: identity.AgencyUnit[];
}

export interface IdentityDemoAccount {
  role: Role;
  username: string;
  password: string;
  userId: string;
  agencyId: string;
  displayName: string;
}

export interface IdentityDemo {
  agencies: DemoAgency[];
  accounts: IdentityDemoAccount[];
}

/** A demo account as the actor other domains' demo parts act as (no unit). */
export function demoActor(
  account: Pick<IdentityDemoAccount, 'role' | 'username' | 'userId' | 'agencyId' | 'displayName'>,
  via: Actor['via'] = 'session',
): Actor {
  return {
    userId: account.userId,
    username: account.username,
    displayName: account.displayName,
    agencyId: account.agencyId,
    unitId: null,
    role: account.role,
    ip: null,
    via,
  };
}

/** The demo account of a role as an actor; the identity demo has one per role. */
export function demoActorOfRole(demo: Pick<IdentityDemo, 'accounts'>, role: string): Actor {
  const account = demo.accounts.find((a) => a.role === role);
  if (!account) throw new Error(`The identity demo has no ${role} account.`);
  return demoActor(account);
}

const AGENCIES: Array<{
  key: string;
  name: string;
  country: string;
  kind: AgencyKind;
  referencePrefix: string;
  units: string[];
}> = [
  {
    key: 'police_ba',
    name: 'DEMO Police Administration Sarajevo',
    country: 'BA',
    kind: 'police',
    referencePrefix: 'DEMO-SA',
    units: ['DEMO Anti-Trafficking Unit', 'DEMO Cybercrime Unit'],
  },
  {
    key: 'prosecution_me',
    name: "DEMO Basic State Prosecutor's Office Podgorica",
    country: 'ME',
    kind: 'prosecution',
    referencePrefix: 'DEMO-KT',
    units: ['DEMO Organised Crime Department'],
  },
  {
    key: 'social_mk',
    name: 'DEMO Centre for Social Work Skopje',
    country: 'MK',
    kind: 'social_welfare',
    referencePrefix: 'DEMO-CSR',
    units: ['DEMO Victim Support Team'],
  },
  {
    key: 'police_rs',
    name: 'DEMO Police Directorate Belgrade',
    country: 'RS',
    kind: 'police',
    referencePrefix: 'DEMO-PU',
    units: ['DEMO Border Police Analysis Unit'],
  },
  {
    key: 'training',
    name: 'DEMO Western Balkans Anti-Trafficking Training Centre',
    country: 'ME',
    kind: 'training_centre',
    referencePrefix: 'DEMO-TC',
    units: [],
  },
];

const ACCOUNTS: Array<{
  role: Role;
  username: string;
  displayName: string;
  agency: string;
  unit?: string;
  locale: identity.LocaleName;
}> = [
  {
    role: 'investigator',
    username: 'demo.investigator',
    displayName: 'Amra Demo-Investigator',
    agency: 'police_ba',
    unit: 'DEMO Anti-Trafficking Unit',
    locale: 'bs',
  },
  {
    role: 'analyst',
    username: 'demo.analyst',
    displayName: 'Marko Demo-Analyst',
    agency: 'police_rs',
    unit: 'DEMO Border Police Analysis Unit',
    locale: 'sr-Latn',
  },
  {
    role: 'prosecutor',
    username: 'demo.prosecutor',
    displayName: 'Jelena Demo-Prosecutor',
    agency: 'prosecution_me',
    locale: 'cnr',
  },
  {
    role: 'social_worker',
    username: 'demo.socialworker',
    displayName: 'Elena Demo-Social-Worker',
    agency: 'social_mk',
    unit: 'DEMO Victim Support Team',
    locale: 'mk',
  },
  {
    role: 'supervisor',
    username: 'demo.supervisor',
    displayName: 'Adnan Demo-Supervisor',
    agency: 'police_ba',
    locale: 'bs',
  },
  { role: 'trainer', username: 'demo.trainer', displayName: 'Ivana Demo-Trainer', agency: 'training', locale: 'en' },
  { role: 'trainee', username: 'demo.trainee', displayName: 'Arben Demo-Trainee', agency: 'training', locale: 'sq' },
  {
    role: 'administrator',
    username: 'demo.admin',
    displayName: 'Sanja Demo-Administrator',
    agency: 'police_ba',
    locale: 'en',
  },
];

/** The password of a demo account: long enough, on no common list, and obviously a demo password. */
export function demoPassword(role: Role): string {
  const word = role
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return `Demo!${word}-2026`;
}

export async function loadIdentityDemo(ctx: CoreContext): Promise<IdentityDemo> {
  const agencyService = new AgencyService(ctx);
  const operator = systemActor();
  const agencies: DemoAgency[] = [];
  for (const spec of AGENCIES) {
    const agency = await agencyService.create(operator, spec);
    const units: identity.AgencyUnit[] = [];
    for (const name of spec.units) units.push(await agencyService.createUnit(operator, agency.id, name));
    agencies.push({ ...agency, key: spec.key, units });
  }
  const users = new UserService(ctx);
  const accounts: IdentityDemoAccount[] = [];
  for (const spec of ACCOUNTS) {
    const agency = agencies.find((a) => a.key === spec.agency)!;
    const password = demoPassword(spec.role);
    const user = await users.create(operator, {
      agencyId: agency.id,
      username: spec.username,
      displayName: spec.displayName,
      role: spec.role,
      unitId: spec.unit ? (agency.units.find((u) => u.name === spec.unit)?.id ?? null) : null,
      locale: spec.locale,
      password,
    });
    accounts.push({
      role: spec.role,
      username: user.username,
      password,
      userId: user.id,
      agencyId: agency.id,
      displayName: user.displayName,
    });
  }
  return { agencies, accounts };
}
