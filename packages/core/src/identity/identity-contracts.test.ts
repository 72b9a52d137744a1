import { expect, it } from 'vitest';
import { identity } from '@trag/contracts';
import { AGENCY_KINDS, ROLES } from '../shared';

it('the API contracts list the same roles and agency kinds as core', () => {
  expect(identity.RoleSchema.anyOf.map((s) => s.const)).toEqual([...ROLES]);
  expect(identity.AgencyKindSchema.anyOf.map((s) => s.const)).toEqual([...AGENCY_KINDS]);
});
