// Need-to-know access to cases. Every domain that touches case data asks here first:
//   const { caseRole } = await new CaseAccess(ctx).requireMember(actor, caseId);
// A missing case and a case the actor is not a member of raise the same error, so nobody can probe for cases.
import type { Kysely } from 'kysely';
import type { Database } from '@trag/db';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { AppError, forbidden } from '../shared/errors';
import { caseRoleCanManage, caseRoleCanWrite, isCaseRole, strongestCaseRole, type CaseRole } from './case-roles';

export interface CaseMembership {
  caseId: string;
  caseRole: CaseRole;
  /** The agency that owns the case. */
  agencyId: string;
}

export const caseNotFound = () =>
  new AppError(
    'not_found',
    'case_not_found',
    'This case does not exist or you are not a member of it. Ask the case lead to add you.',
  );

/**
 * Subquery of the case ids an actor may open (direct membership or membership of the actor's unit). Use it to
 * filter in SQL: `.where('case_id', 'in', memberCaseIdsQuery(db, actor))`.
 */
export function memberCaseIdsQuery(db: Kysely<Database>, actor: Pick<Actor, 'userId' | 'unitId'>) {
  return db
    .selectFrom('case_members')
    .select('case_members.case_id')
    .where((eb) =>
      actor.unitId
        ? eb.or([eb('case_members.user_id', '=', actor.userId), eb('case_members.unit_id', '=', actor.unitId)])
        : eb('case_members.user_id', '=', actor.userId),
    );
}

export class CaseAccess {
  constructor(private readonly ctx: CoreContext) {}

  /** The actor's membership of a case, or null when the case is missing or the actor is not a member. */
  async membership(
    actor: Pick<Actor, 'userId' | 'unitId'>,
    caseId: string,
    trx?: Kysely<Database>,
  ): Promise<CaseMembership | null> {
    const db = trx ?? this.ctx.database.db;
    const rows = await db
      .selectFrom('case_members')
      .innerJoin('cases', 'cases.id', 'case_members.case_id')
      .select(['case_members.case_role', 'cases.agency_id'])
      .where('case_members.case_id', '=', caseId)
      .where((eb) =>
        actor.unitId
          ? eb.or([eb('case_members.user_id', '=', actor.userId), eb('case_members.unit_id', '=', actor.unitId)])
          : eb('case_members.user_id', '=', actor.userId),
      )
      .execute();
    const roles = rows.map((r) => r.case_role).filter(isCaseRole);
    const caseRole = strongestCaseRole(roles);
    if (!caseRole || !rows[0]) return null;
    return { caseId, caseRole, agencyId: rows[0].agency_id };
  }

  /** Throws not_found/case_not_found unless the actor is a member (directly or through their unit). */
  async requireMember(actor: Actor, caseId: string, trx?: Kysely<Database>): Promise<CaseMembership> {
    const membership = await this.membership(actor, caseId, trx);
    if (!membership) throw caseNotFound();
    return membership;
  }

  /** A member whose case role may change case content (not an observer). */
  async requireWriter(actor: Actor, caseId: string, trx?: Kysely<Database>): Promise<CaseMembership> {
    const membership = await this.requireMember(actor, caseId, trx);
    if (!caseRoleCanWrite(membership.caseRole))
      throw forbidden('case_read_only', 'You are an observer on this case and cannot change it. Ask the case lead.');
    return membership;
  }

  /** The case lead (members, close, reopen). */
  async requireLead(actor: Actor, caseId: string, trx?: Kysely<Database>): Promise<CaseMembership> {
    const membership = await this.requireMember(actor, caseId, trx);
    if (!caseRoleCanManage(membership.caseRole))
      throw forbidden('case_lead_required', 'Only the lead of this case can do this. Ask the case lead.');
    return membership;
  }

  async isMember(actor: Actor, caseId: string, trx?: Kysely<Database>): Promise<boolean> {
    return (await this.membership(actor, caseId, trx)) !== null;
  }

  /** Every case id the actor may open. For filtering large sets prefer memberCaseIdsQuery in SQL. */
  async memberCaseIds(actor: Actor, trx?: Kysely<Database>): Promise<string[]> {
    const rows = await memberCaseIdsQuery(trx ?? this.ctx.database.db, actor)
      .distinct()
      .execute();
    return rows.map((r) => r.case_id).sort();
  }
}
