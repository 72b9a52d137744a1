// Rows → contract objects. Nothing secret (hashes, TOTP secrets, counters) leaves through here.
import type { identity } from '@trag/contracts';
import type { AgencyRow, AgencyUnitRow } from './agency.repository';
import type { ApiTokenRow } from './api-token.repository';
import type { DirectoryRow, UserRow } from './user.repository';

export function presentAgency(row: AgencyRow): identity.Agency {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    kind: row.kind as identity.AgencyKindName,
    referencePrefix: row.reference_prefix,
    requireTotp: row.require_totp === 1,
    createdAt: row.created_at,
  };
}

export function presentUnit(row: AgencyUnitRow): identity.AgencyUnit {
  return { id: row.id, agencyId: row.agency_id, name: row.name, createdAt: row.created_at };
}

export function presentUser(row: UserRow): identity.User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    role: row.role as identity.RoleName,
    locale: row.locale as identity.LocaleName,
    agencyId: row.agency_id,
    unitId: row.unit_id,
    disabled: row.disabled === 1,
    totpEnabled: row.totp_enabled === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentCurrentUser(user: UserRow, agency: AgencyRow): identity.CurrentUser {
  const totpEnabled = user.totp_enabled === 1;
  const requireTotp = agency.require_totp === 1;
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as identity.RoleName,
    locale: user.locale as identity.LocaleName,
    unitId: user.unit_id,
    totpEnabled,
    totpEnrolmentRequired: requireTotp && !totpEnabled,
    agency: {
      id: agency.id,
      name: agency.name,
      country: agency.country,
      kind: agency.kind as identity.AgencyKindName,
      requireTotp,
    },
  };
}

export function presentApiToken(row: ApiTokenRow): identity.ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  };
}

export function presentDirectoryEntry(row: DirectoryRow): identity.DirectoryEntry {
  return {
    id: row.id,
    displayName: row.display_name,
    role: row.role as identity.RoleName,
    agency: { id: row.agency_id, name: row.agency_name, country: row.agency_country },
  };
}
