// Who may see and change what in a victim record — the whole policy in one table. The server checks every read
// and write of a protected field against it (the UI only mirrors it). Being a member of the case is required
// first (CaseAccess); the user's professional role then decides the field groups. A case role never widens this.
import type { Role } from '../shared/actor';
import { forbidden } from '../shared/errors';
import { FIELD_GROUPS, type FieldGroup } from './field-groups';

export interface GroupAccess {
  read: readonly FieldGroup[];
  write: readonly FieldGroup[];
  /** Why, in words the record's visibility panel shows. */
  why: string;
}

const ALL = FIELD_GROUPS;
const NONE: readonly FieldGroup[] = [];

export const FIELD_POLICY: Record<Role, GroupAccess> = {
  social_worker: { read: ALL, write: ALL, why: 'Assists and protects the person: needs the full record.' },
  investigator: {
    read: NONE,
    write: NONE,
    why: 'Sees the pseudonym, status and non-identifying classification only; statements reach the case as evidence.',
  },
  prosecutor: {
    read: NONE,
    write: NONE,
    why: 'Sees the pseudonym, status, consent to proceedings and interview plans; identity stays with the social worker.',
  },
  analyst: { read: NONE, write: NONE, why: 'Works with patterns, not people: pseudonym and classification only.' },
  supervisor: { read: NONE, write: NONE, why: 'Oversees the work; may use break-glass access with a reason.' },
  trainer: { read: NONE, write: NONE, why: 'No access to real victim data.' },
  trainee: { read: NONE, write: NONE, why: 'No access to real victim data.' },
  administrator: { read: NONE, write: NONE, why: 'Runs the system, never reads victim data.' },
};

export const CAPABILITIES = {
  'record.create': ['social_worker', 'investigator'],
  'record.status': ['social_worker', 'investigator'],
  'screening.write': ['social_worker', 'investigator'],
  'screening.read': ['social_worker', 'investigator'],
  'interview.write': ['social_worker', 'investigator', 'prosecutor'],
  'interview.read': ['social_worker', 'investigator', 'prosecutor', 'supervisor'],
  'consent.write': ['social_worker'],
  'consent.read': ['social_worker', 'investigator', 'prosecutor', 'supervisor'],
  'referral.write': ['social_worker', 'supervisor'],
  'referral.read': ['social_worker', 'supervisor'],
  /** Refer or share without the matching consent, with a recorded reason (audited). */
  'referral.override_consent': ['supervisor'],
  'access_log.read': ['social_worker', 'supervisor'],
  /** Emergency access to every group of one record, with a reason; alerts the record's owner. */
  break_glass: ['investigator', 'prosecutor', 'supervisor'],
  /** Agency-wide, without case membership: sees only codes, kinds and due dates. */
  'retention.manage': ['supervisor', 'administrator'],
  'statistics.export': ['supervisor', 'administrator', 'analyst'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

export function requireCapability(role: Role, capability: Capability): void {
  if (!can(role, capability)) {
    throw forbidden(
      'victim_permission_denied',
      `Your role (${role}) may not do this on victim records (${capability}).`,
    );
  }
}

export function readableGroups(role: Role): readonly FieldGroup[] {
  return FIELD_POLICY[role].read;
}

export function writableGroups(role: Role): readonly FieldGroup[] {
  return FIELD_POLICY[role].write;
}

export function requireWritable(role: Role, groups: readonly FieldGroup[]): void {
  const denied = groups.filter((g) => !FIELD_POLICY[role].write.includes(g));
  if (denied.length > 0) {
    throw forbidden(
      'victim_field_forbidden',
      `Your role (${role}) may not change these parts of a victim record: ${denied.join(', ')}.`,
    );
  }
}

/** The "who can see what and why" panel: every role with its groups and reason. */
export function visibilityTable(): { role: Role; read: FieldGroup[]; write: FieldGroup[]; why: string }[] {
  return (Object.keys(FIELD_POLICY) as Role[]).map((role) => ({
    role,
    read: [...FIELD_POLICY[role].read],
    write: [...FIELD_POLICY[role].write],
    why: FIELD_POLICY[role].why,
  }));
}
