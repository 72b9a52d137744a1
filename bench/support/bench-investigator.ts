// The agency, investigator and case a benchmark works in (written into the benchmark's own throw-away database).
import { CaseService } from '@trag/core/cases';
import { actorFromUserView, AgencyService, UserService } from '@trag/core/identity';
import { systemActor, type Actor, type CoreContext } from '@trag/core/shared';

export async function createBenchInvestigator(
  ctx: CoreContext,
  via: Actor['via'] = 'system',
): Promise<{ actor: Actor; caseId: string }> {
  const agency = await new AgencyService(ctx).create(systemActor(), {
    name: 'Bench police',
    country: 'BA',
    kind: 'police',
    requireTotp: false,
  });
  const user = await new UserService(ctx).create(systemActor(), {
    agencyId: agency.id,
    username: 'bench',
    displayName: 'Bench',
    role: 'investigator',
    password: 'Amber-lantern-river-42',
  });
  const actor = actorFromUserView(user, via, null);
  const caseId = (await new CaseService(ctx).create(actor, { title: 'Bench case', type: 'other' })).id;
  return { actor, caseId };
}
