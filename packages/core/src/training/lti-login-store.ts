// Pending LTI logins in the database, so the login and its launch may reach different API processes. The state is
// stored only as its SHA-256; taking a login deletes its row in the same statement (a replayed or raced state finds
// nothing); expired logins are refused and pruned whenever a new login is saved.
import { createHash } from 'node:crypto';
import type { CoreContext } from '../shared/context';
import type { LtiLoginStore, PendingLogin } from './lti';
import { LtiRepository } from './lti.repository';

/** Time an LMS has between the login initiation and the launch (the user's browser passes through the LMS). */
export const LOGIN_TTL_MS = 5 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class LtiLoginDatabaseStore implements LtiLoginStore {
  private readonly repo: LtiRepository;

  constructor(
    private readonly ctx: Pick<CoreContext, 'database' | 'clock'>,
    private readonly ttlMs = LOGIN_TTL_MS,
  ) {
    this.repo = new LtiRepository(ctx.database.db);
  }

  async save(state: string, login: PendingLogin): Promise<void> {
    const now = this.ctx.clock.now();
    await this.repo.pruneLogins(now.toISOString());
    await this.repo.createLogin({
      state_hash: sha256(state),
      nonce: login.nonce,
      platform_id: login.platformId,
      target_link_uri: login.targetLinkUri,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.ttlMs).toISOString(),
    });
  }

  async take(state: string): Promise<PendingLogin | null> {
    const row = await this.repo.takeLogin(sha256(state));
    if (!row || row.expires_at < this.ctx.clock.now().toISOString()) return null;
    return { nonce: row.nonce, platformId: row.platform_id, targetLinkUri: row.target_link_uri };
  }
}
