// Opens the local database for operator commands (run on the server host), migrating it first.
import { migrateToLatest } from '@trag/db';
import { EvidenceService } from '@trag/core/evidence';
import { actorFromUserView, UserService } from '@trag/core/identity';
import { systemActor, systemClock, type Actor, type CoreContext } from '@trag/core/shared';
import { loadConfig } from '@trag/api/config';
import { openDatabase } from '@trag/api/main';

export async function withCoreContext<T>(fn: (ctx: CoreContext) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    return await fn({ database, clock: systemClock, dataDir: config.dataDir });
  } finally {
    await database.destroy();
  }
}

/** The user named by `--as` as an actor, and the case they mean (id or reference, among their cases). */
export async function actingUserAndCase(
  ctx: CoreContext,
  username: string,
  caseRef: string,
): Promise<{ actor: Actor; caseId: string }> {
  const user = await new UserService(ctx).getByUsername(systemActor(), username);
  const actor = actorFromUserView(user, 'system', null);
  return { actor, caseId: await new EvidenceService(ctx).resolveCase(actor, caseRef) };
}
