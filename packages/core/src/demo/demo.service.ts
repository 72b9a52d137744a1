// Loads the synthetic demo workspace into an empty database. Each domain contributes its own part.
import type { CoreContext } from '../shared/context';

export interface DemoAccount {
  role: string;
  username: string;
  password: string;
}

export interface DemoResult {
  loaded: boolean;
  accounts: DemoAccount[];
}

export async function loadDemoWorkspaceIfEmpty(ctx: CoreContext): Promise<DemoResult> {
  const existing = await ctx.database.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (existing) return { loaded: false, accounts: [] };
  // Filled in by the demo workspace generator (issue #2): agencies, one account per role, cases, entities.
  return { loaded: false, accounts: [] };
}
