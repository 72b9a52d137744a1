// Logging in and out, recognising sessions and API tokens, and a user's own account settings (password, TOTP,
// tokens, locale). Rules only: no HTTP, no SQL.
import type { identity } from '@trag/contracts';
import { AuditService } from '../audit';
import type { Actor, Role } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { AppError, invalid, notFound, unauthenticated } from '../shared/errors';
import { newId } from '../shared/ids';
import { AgencyRepository } from './agency.repository';
import { ApiTokenRepository } from './api-token.repository';
import { AUTH_SETTINGS } from './auth-settings';
import { presentApiToken, presentCurrentUser } from './identity.presenter';
import { LoginAttemptRepository } from './login-attempt.repository';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { assertPasswordAcceptable } from './password-rules';
import { csrfTokenFor, newApiTokenSecret, randomSecret, sha256Hex } from './secret-token';
import { SessionRepository, type AuthenticatedRow } from './session.repository';
import { matchTotp, newTotpSecret, totpQrSvg, totpUri } from './totp';
import { UserRepository, type UserRow } from './user.repository';

export interface LoginInput {
  username: string;
  password: string;
  totpCode?: string | undefined;
  ip: string | null;
  userAgent?: string | null | undefined;
}

export interface LoginResult {
  /** Goes into the HttpOnly cookie; never stored. */
  sessionToken: string;
  /** Goes into the readable cookie and must come back in X-CSRF-Token. */
  csrfToken: string;
  expiresAt: string;
  user: identity.CurrentUser;
}

export type Authentication =
  | { status: 'ok'; actor: Actor; credentialId: string; totpEnrolmentRequired: boolean }
  | { status: 'invalid' | 'expired' | 'disabled' };

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

function addMs(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString();
}

export function actorFromUser(
  user: Pick<UserRow, 'id' | 'username' | 'display_name' | 'agency_id' | 'unit_id' | 'role'>,
  via: Actor['via'],
  ip: string | null,
): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    agencyId: user.agency_id,
    unitId: user.unit_id,
    role: user.role as Role,
    ip,
    via,
  };
}

/** The same actor from a user as UserService returns it (camelCase, as the API shows users). */
export function actorFromUserView(
  user: Pick<identity.User, 'id' | 'username' | 'displayName' | 'agencyId' | 'unitId' | 'role'>,
  via: Actor['via'],
  ip: string | null,
): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    unitId: user.unitId,
    role: user.role,
    ip,
    via,
  };
}

export class AuthService {
  private readonly users: UserRepository;
  private readonly agencies: AgencyRepository;
  private readonly sessions: SessionRepository;
  private readonly tokens: ApiTokenRepository;
  private readonly attempts: LoginAttemptRepository;
  private readonly audit: AuditService;

  constructor(private readonly ctx: CoreContext) {
    const db = ctx.database.db;
    this.users = new UserRepository(db);
    this.agencies = new AgencyRepository(db);
    this.sessions = new SessionRepository(db);
    this.tokens = new ApiTokenRepository(db);
    this.attempts = new LoginAttemptRepository(db);
    this.audit = new AuditService(ctx);
  }

  private now(): Date {
    return this.ctx.clock.now();
  }

  // ---- logging in ----------------------------------------------------------------------------------------------

  async login(input: LoginInput): Promise<LoginResult> {
    const now = this.now();
    const at = now.toISOString();
    const username = normalizeUsername(input.username);
    const since = addMs(now, -AUTH_SETTINGS.loginWindowMs);

    // Not audited per request (that would let a flood of requests flood the audit log): the failure that reached
    // the limit was audited as auth.login_rate_limited, see recordFailure.
    if (input.ip && (await this.attempts.countFailuresByIp(input.ip, since)) >= AUTH_SETTINGS.maxFailuresPerIp) {
      throw new AppError(
        'rate_limited',
        'login_rate_limited',
        `Too many failed logins from this network address. Wait ${Math.round(AUTH_SETTINGS.loginWindowMs / 60000)} minutes and try again.`,
      );
    }

    const user = await this.users.getByUsername(username);
    const lockedUntil = user?.locked_until && user.locked_until > at ? user.locked_until : null;
    // Unknown usernames lock the same way, so a locked response does not reveal whether an account exists.
    const unknownLocked =
      !user && (await this.attempts.countFailuresByUsername(username, since)) >= AUTH_SETTINGS.maxFailuresPerAccount;
    if (lockedUntil || unknownLocked) {
      await this.recordFailure(user, username, input.ip, 'locked', false);
      const minutes = Math.max(
        1,
        Math.ceil(
          ((lockedUntil ? Date.parse(lockedUntil) : now.getTime() + AUTH_SETTINGS.lockoutMs) - now.getTime()) / 60000,
        ),
      );
      throw new AppError(
        'rate_limited',
        'account_locked',
        `This account is locked after too many failed logins. Try again in ${minutes} minute(s), or ask your agency's administrator to reset your password.`,
        { details: { retryAfterMinutes: minutes } },
      );
    }

    const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
    if (!user || !passwordOk) {
      await this.recordFailure(user, username, input.ip, user ? 'bad_password' : 'unknown_user', true);
      throw unauthenticated('invalid_credentials', 'The username or password is wrong. Check both and try again.');
    }
    if (user.disabled === 1) {
      await this.recordFailure(user, username, input.ip, 'disabled', false);
      throw new AppError(
        'forbidden',
        'account_disabled',
        "This account is disabled. Ask your agency's administrator to enable it.",
      );
    }
    let totpStep: number | null = null;
    if (user.totp_enabled === 1 && user.totp_secret) {
      if (!input.totpCode) {
        throw unauthenticated('totp_required', 'Enter the 6-digit code from your authenticator app.');
      }
      totpStep = matchTotp(user.totp_secret, input.totpCode, now);
      if (totpStep === null || (user.totp_last_step !== null && totpStep <= user.totp_last_step)) {
        await this.recordFailure(user, username, input.ip, 'bad_totp', true);
        throw unauthenticated(
          'invalid_totp_code',
          'The 6-digit code is wrong or was already used. Wait for the next code in your authenticator app and try again.',
        );
      }
    }

    const sessionToken = randomSecret(32);
    const expiresAt = addMs(now, AUTH_SETTINGS.sessionMaxAgeMs);
    const actor = actorFromUser(user, 'session', input.ip);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.attempts.record({ id: newId(), at, ip: input.ip, username, success: true }, trx);
      await this.users.update(
        user.id,
        {
          failed_logins: 0,
          locked_until: null,
          ...(totpStep !== null ? { totp_last_step: totpStep } : {}),
        },
        trx,
      );
      await this.sessions.create(
        {
          id: newId(),
          token_hash: sha256Hex(sessionToken),
          user_id: user.id,
          created_at: at,
          last_seen_at: at,
          expires_at: expiresAt,
          ip: input.ip,
          user_agent: input.userAgent?.slice(0, 300) ?? null,
        },
        trx,
      );
      await this.audit.record(
        actor,
        { action: 'auth.login', recordType: 'user', recordId: user.id, details: { totp: totpStep !== null } },
        trx,
      );
    });
    await this.attempts.deleteOlderThan(addMs(now, -AUTH_SETTINGS.attemptRetentionMs));
    await this.sessions.deleteExpired(at);
    const agency = await this.requireAgency(user.agency_id);
    return { sessionToken, csrfToken: csrfTokenFor(sessionToken), expiresAt, user: presentCurrentUser(user, agency) };
  }

  private async recordFailure(
    user: UserRow | undefined,
    username: string,
    ip: string | null,
    reason: 'unknown_user' | 'bad_password' | 'bad_totp' | 'locked' | 'disabled',
    countsTowardsLockout: boolean,
  ): Promise<void> {
    const now = this.now();
    const at = now.toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.attempts.record({ id: newId(), at, ip, username, success: false }, trx);
      const actor = user ? actorFromUser(user, 'session', ip) : null;
      await this.audit.record(
        actor,
        {
          action: 'auth.login_failed',
          recordType: user ? 'user' : null,
          recordId: user?.id ?? null,
          details: { username, reason, ...(user ? {} : { ip }) },
        },
        trx,
      );
      if (ip) {
        const since = addMs(now, -AUTH_SETTINGS.loginWindowMs);
        if ((await this.attempts.countFailuresByIp(ip, since, trx)) === AUTH_SETTINGS.maxFailuresPerIp) {
          await this.audit.record(
            null,
            {
              action: 'auth.login_rate_limited',
              details: { ip, failures: AUTH_SETTINGS.maxFailuresPerIp },
            },
            trx,
          );
        }
      }
      if (!user || !countsTowardsLockout) return;
      const failures = await this.users.incrementFailedLogins(user.id, trx);
      if (failures >= AUTH_SETTINGS.maxFailuresPerAccount) {
        const lockedUntil = addMs(now, AUTH_SETTINGS.lockoutMs);
        await this.users.update(user.id, { failed_logins: 0, locked_until: lockedUntil }, trx);
        await this.audit.record(
          actor,
          { action: 'auth.lockout', recordType: 'user', recordId: user.id, details: { failures, lockedUntil } },
          trx,
        );
      }
    });
  }

  async logout(actor: Actor, credentialId: string): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.sessions.delete(credentialId, trx);
      await this.audit.record(actor, { action: 'auth.logout', recordType: 'user', recordId: actor.userId }, trx);
    });
  }

  /** Drops the session a browser still carried when it logged in again, so one browser holds one session. */
  async discardSession(sessionToken: string): Promise<void> {
    await this.sessions.deleteByTokenHash(sha256Hex(sessionToken));
  }

  // ---- recognising requests ------------------------------------------------------------------------------------

  async authenticateSession(sessionToken: string, ip: string | null): Promise<Authentication> {
    const row = await this.sessions.getByTokenHash(sha256Hex(sessionToken));
    if (!row) return { status: 'invalid' };
    const now = this.now();
    const lastSeen = Date.parse(row.last_seen_at ?? row.expires_at ?? '');
    if (
      (row.expires_at && row.expires_at <= now.toISOString()) ||
      now.getTime() - lastSeen > AUTH_SETTINGS.sessionIdleMs
    ) {
      await this.sessions.delete(row.credential_id);
      return { status: 'expired' };
    }
    if (row.disabled === 1) return { status: 'disabled' };
    if (now.getTime() - lastSeen > AUTH_SETTINGS.touchEveryMs) {
      await this.sessions.touch(row.credential_id, now.toISOString());
    }
    return this.authenticated(row, 'session', ip);
  }

  async authenticateToken(secret: string, ip: string | null): Promise<Authentication> {
    const row = await this.tokens.getActiveByHash(sha256Hex(secret));
    if (!row) return { status: 'invalid' };
    const now = this.now();
    if (row.expires_at && row.expires_at <= now.toISOString()) return { status: 'expired' };
    if (row.disabled === 1) return { status: 'disabled' };
    const lastUsed = row.last_seen_at ? Date.parse(row.last_seen_at) : 0;
    if (now.getTime() - lastUsed > AUTH_SETTINGS.touchEveryMs) {
      await this.tokens.touch(row.credential_id, now.toISOString());
    }
    return this.authenticated(row, 'token', ip);
  }

  private authenticated(row: AuthenticatedRow, via: 'session' | 'token', ip: string | null): Authentication {
    return {
      status: 'ok',
      credentialId: row.credential_id,
      totpEnrolmentRequired: row.require_totp === 1 && row.totp_enabled !== 1,
      actor: actorFromUser(
        {
          id: row.user_id,
          username: row.username,
          display_name: row.display_name,
          agency_id: row.agency_id,
          unit_id: row.unit_id,
          role: row.role,
        },
        via,
        ip,
      ),
    };
  }

  // ---- the user's own account ----------------------------------------------------------------------------------

  private async requireUser(userId: string): Promise<UserRow> {
    const user = await this.users.get(userId);
    if (!user) throw notFound('user_not_found', 'This account no longer exists.');
    return user;
  }

  private async requireAgency(agencyId: string) {
    const agency = await this.agencies.get(agencyId);
    if (!agency) throw notFound('agency_not_found', 'The agency of this account no longer exists.');
    return agency;
  }

  async me(actor: Actor): Promise<identity.CurrentUser> {
    const user = await this.requireUser(actor.userId);
    return presentCurrentUser(user, await this.requireAgency(user.agency_id));
  }

  async updateMe(actor: Actor, changes: identity.UpdateMeRequest): Promise<identity.CurrentUser> {
    const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    if (fields.length > 0) {
      await this.ctx.database.db.transaction().execute(async (trx) => {
        await this.users.update(
          actor.userId,
          {
            ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
            ...(changes.displayName !== undefined ? { display_name: changes.displayName.trim() } : {}),
            updated_at: this.now().toISOString(),
          },
          trx,
        );
        await this.audit.record(
          actor,
          { action: 'user.update_self', recordType: 'user', recordId: actor.userId, details: { fields } },
          trx,
        );
      });
    }
    return this.me(actor);
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(
    actor: Actor,
    input: { currentPassword: string; newPassword: string },
    keepSessionId: string | null,
  ): Promise<void> {
    const user = await this.requireUser(actor.userId);
    if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
      await this.audit.record(actor, {
        action: 'auth.password_change_failed',
        recordType: 'user',
        recordId: user.id,
      });
      throw invalid('invalid_current_password', 'The current password is wrong. Type it again.');
    }
    assertPasswordAcceptable(input.newPassword, user.username);
    const hash = await hashPassword(input.newPassword);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.users.update(user.id, { password_hash: hash, updated_at: this.now().toISOString() }, trx);
      await this.sessions.deleteForUser(user.id, keepSessionId, trx);
      await this.audit.record(actor, { action: 'auth.password_change', recordType: 'user', recordId: user.id }, trx);
    });
  }

  /** Starts (or restarts) enrolment: a new secret, kept unused until a code from it is confirmed. */
  async totpSetup(actor: Actor): Promise<identity.TotpSetupResponse> {
    const user = await this.requireUser(actor.userId);
    if (user.totp_enabled === 1) {
      throw new AppError(
        'conflict',
        'totp_already_enabled',
        'Two-factor authentication is already on. Turn it off first to move it to another device.',
      );
    }
    const secret = newTotpSecret();
    await this.users.update(user.id, { totp_secret: secret, updated_at: this.now().toISOString() });
    const otpauthUrl = totpUri(secret, user.username);
    await this.audit.record(actor, { action: 'auth.totp_setup', recordType: 'user', recordId: user.id });
    return { secret, otpauthUrl, qrSvg: await totpQrSvg(otpauthUrl) };
  }

  async totpEnable(actor: Actor, code: string): Promise<identity.CurrentUser> {
    const user = await this.requireUser(actor.userId);
    if (user.totp_enabled === 1) {
      throw new AppError('conflict', 'totp_already_enabled', 'Two-factor authentication is already on.');
    }
    if (!user.totp_secret) {
      throw new AppError('conflict', 'totp_not_set_up', 'Start the set-up first, then enter a code from the app.');
    }
    const step = matchTotp(user.totp_secret, code, this.now());
    if (step === null) {
      throw invalid(
        'invalid_totp_code',
        'The code does not match. Check that the clock of your phone is right and enter the current code.',
      );
    }
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.users.update(
        user.id,
        { totp_enabled: 1, totp_last_step: step, updated_at: this.now().toISOString() },
        trx,
      );
      await this.audit.record(actor, { action: 'auth.totp_enable', recordType: 'user', recordId: user.id }, trx);
    });
    return this.me(actor);
  }

  async totpDisable(actor: Actor, code: string): Promise<identity.CurrentUser> {
    const user = await this.requireUser(actor.userId);
    if (user.totp_enabled !== 1 || !user.totp_secret) {
      throw new AppError('conflict', 'totp_not_enabled', 'Two-factor authentication is not on for this account.');
    }
    const agency = await this.requireAgency(user.agency_id);
    if (agency.require_totp === 1) {
      throw new AppError(
        'forbidden',
        'totp_required_by_agency',
        'Your agency requires two-factor authentication, so it cannot be turned off. To move it to a new phone, ask your administrator.',
      );
    }
    const step = matchTotp(user.totp_secret, code, this.now());
    if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) {
      throw invalid('invalid_totp_code', 'The code is wrong or was already used. Enter the current code.');
    }
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.users.update(
        user.id,
        { totp_enabled: 0, totp_secret: null, totp_last_step: null, updated_at: this.now().toISOString() },
        trx,
      );
      await this.audit.record(actor, { action: 'auth.totp_disable', recordType: 'user', recordId: user.id }, trx);
    });
    return this.me(actor);
  }

  // ---- personal API tokens -------------------------------------------------------------------------------------

  async createToken(
    actor: Actor,
    input: { name: string; expiresInDays?: number | undefined },
  ): Promise<identity.CreateApiTokenResponse> {
    const now = this.now();
    const secret = newApiTokenSecret();
    const row = {
      id: newId(),
      user_id: actor.userId,
      name: input.name.trim(),
      token_prefix: secret.slice(0, 12),
      token_hash: sha256Hex(secret),
      created_at: now.toISOString(),
      last_used_at: null,
      expires_at: input.expiresInDays ? addMs(now, input.expiresInDays * 24 * 60 * 60 * 1000) : null,
      revoked_at: null,
    };
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.tokens.create(row, trx);
      await this.audit.record(
        actor,
        { action: 'auth.token_create', recordType: 'api_token', recordId: row.id, details: { name: row.name } },
        trx,
      );
    });
    return { token: presentApiToken(row), secret };
  }

  async listTokens(actor: Actor): Promise<identity.ApiToken[]> {
    return (await this.tokens.listForUser(actor.userId)).map(presentApiToken);
  }

  async revokeToken(actor: Actor, tokenId: string): Promise<void> {
    const token = await this.tokens.get(tokenId);
    if (!token || token.user_id !== actor.userId || token.revoked_at) {
      throw notFound('token_not_found', 'There is no such active token among yours.');
    }
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.tokens.revoke(tokenId, this.now().toISOString(), trx);
      await this.audit.record(actor, { action: 'auth.token_revoke', recordType: 'api_token', recordId: tokenId }, trx);
    });
  }
}
