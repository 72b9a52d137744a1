// The identity contracts as the UI uses them.
import type { identity } from '@trag/contracts';

export type SessionUser = identity.CurrentUser;
export type SessionAgency = identity.CurrentUser['agency'];
