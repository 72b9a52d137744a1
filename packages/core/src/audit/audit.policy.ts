// Who may browse and export the audit log.
//
// Rule (docs/security.md#audit, docs/operations.md): supervisors and administrators browse the audit entries written
// by actors of THEIR OWN agency — every action of their staff, on every case, including cases they are not members
// of themselves, because overseeing their staff is their job. Entries by other agencies' staff stay invisible to them.
// The local operator (CLI on the server, `via: 'system'`) sees the whole log. Nobody else sees any of it.
// Audit entries never hold protected content (victim data, note text, evidence content): only ids, actions and
// field names, so browsing the audit reveals who touched which record, never what the record says.
import type { Actor } from '../shared/actor';
import { forbidden } from '../shared/errors';

export const AUDIT_BROWSER_ROLES = ['supervisor', 'administrator'] as const;

export interface AuditScope {
  /** Only entries whose actor belonged to this agency; undefined = the whole log (local operator). */
  agencyId: string | undefined;
}

export function mayBrowseAudit(actor: Actor): boolean {
  return actor.via === 'system' || (AUDIT_BROWSER_ROLES as readonly string[]).includes(actor.role);
}

/** Throws `forbidden/audit_forbidden` unless the actor may browse; returns the part of the log they may see. */
export function requireAuditScope(actor: Actor): AuditScope {
  if (!mayBrowseAudit(actor)) {
    throw forbidden(
      'audit_forbidden',
      'Only supervisors and administrators can view the audit log. Ask your supervisor if you need an entry checked.',
    );
  }
  return { agencyId: actor.via === 'system' ? undefined : actor.agencyId };
}
