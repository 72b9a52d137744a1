// Loads the synthetic demo workspace into an empty database. Each domain contributes its own part.
import { loadIdentityDemo } from '../identity';
import type { CoreContext } from '../shared/context';

export interface DemoAccount {
  role: string;
  username: string;
  password: string;
  userId?: string;
  agencyId?: string;
}

export interface DemoResult {
  loaded: boolean;
  accounts: DemoAccount[];
}

export async function loadDemoWorkspaceIfEmpty(ctx: CoreContext): Promise<DemoResult> {
  const existing = await ctx.database.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (existing) return { loaded: false, accounts: [] };
  // Agencies in the four countries and one account per role; other domains add their parts after this.
  const identity = await loadIdentityDemo(ctx);
  return { loaded: true, accounts: identity.accounts };
}
