// Loads the SYNTHETIC demo workspace into an empty database (`npm start` = `trag serve --demo`, and `trag demo load`).
// Each domain contributes its own part through its own demo loader, called here in dependency order; a part sees the
// results of the parts before it (agencies and accounts first, then cases, then what hangs off cases).
import { loadCasesDemo, type CasesDemo } from '../cases';
import { loadIdentityDemo, type IdentityDemo } from '../identity';
import type { CoreContext } from '../shared/context';
import { loadVictimsDemo } from '../victims';
import { loadTrainingDemo } from '../training';
import { loadRecruitmentDemo } from '../recruitment';
import { loadCryptoDemo } from '../crypto';
import { loadEvidenceDemo } from '../evidence';

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
  /** Names of the parts that were loaded, in order. */
  parts: string[];
}

/** What the parts loaded so far produced; later parts build on it. */
export interface DemoSoFar {
  identity: IdentityDemo;
  /** Set once the cases part has run. */
  cases?: CasesDemo;
}

/** The domain parts after identity, in order. Each domain adds one line here when its demo loader lands. */
const PARTS: Array<{ name: string; load: (ctx: CoreContext, demo: DemoSoFar) => Promise<unknown> }> = [
  { name: 'cases', load: async (ctx, demo) => (demo.cases = await loadCasesDemo(ctx, demo.identity)) },
  { name: 'evidence', load: loadEvidenceDemo },
  { name: 'victims', load: loadVictimsDemo },
  { name: 'training', load: loadTrainingDemo },
  { name: 'recruitment', load: loadRecruitmentDemo },
  { name: 'crypto', load: loadCryptoDemo },
  { name: 'cooperation', load: async (ctx, demo) => (await import('../cooperation')).loadCooperationDemo(ctx, demo) },
];

export async function isDatabaseEmpty(ctx: CoreContext): Promise<boolean> {
  const existing = await ctx.database.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  return !existing;
}

export async function loadDemoWorkspaceIfEmpty(ctx: CoreContext): Promise<DemoResult> {
  if (!(await isDatabaseEmpty(ctx))) return { loaded: false, accounts: [], parts: [] };
  // Agencies in the four countries and one account per role; other domains add their parts after this.
  const identity = await loadIdentityDemo(ctx);
  const demo: DemoSoFar = { identity };
  const parts = ['identity'];
  for (const part of PARTS) {
    await part.load(ctx, demo);
    parts.push(part.name);
  }
  return { loaded: true, accounts: identity.accounts, parts };
}
