// Accounts as their agency's administrators manage them, and the minimal directory everyone may read.
import type { identity } from '@trag/contracts';
import { AuditService } from '../audit';
import { isRole, type Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { conflict, forbidden, invalid, notFound } from '../shared/errors';
import { newId } from '../shared/ids';
import { AgencyRepository } from './agency.repository';
import { normalizeUsername } from './auth.service';
import { requireManageAgency, requireReadAgencyUsers } from './identity.policy';
import { presentDirectoryEntry, presentUser } from './identity.presenter';
import { hashPassword } from './password-hasher';
import { assertPasswordAcceptable } from './password-rules';
import { SessionRepository } from './session.repository';
import { UserRepository, type UserRow } from './user.repository';

export interface CreateUserInput extends identity.CreateUserRequest {
  /** The agency of the new account; defaults to the actor's. */
  agencyId?: string | undefined;
}

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{2,63}$/;

export class UserService {
  private readonly users: UserRepository;
  private readonly agencies: AgencyRepository;
  private readonly sessions: SessionRepository;
  private readonly audit: AuditService;

  constructor(private readonly ctx: CoreContext) {
    this.users = new UserRepository(ctx.database.db);
    this.agencies = new AgencyRepository(ctx.database.db);
    this.sessions = new SessionRepository(ctx.database.db);
    this.audit = new AuditService(ctx);
  }

  private async requireUser(id: string): Promise<UserRow> {
    const user = await this.users.get(id);
    if (!user) throw notFound('user_not_found', 'There is no such user.');
    return user;
  }

  /** A user another agency's administrator asks about looks the same as a missing one. */
  private async requireManaged(actor: Actor, id: string): Promise<UserRow> {
    const user = await this.users.get(id);
    if (!user || (actor.via !== 'system' && user.agency_id !== actor.agencyId)) {
      throw notFound('user_not_found', 'There is no such user in your agency.');
    }
    requireManageAgency(actor, user.agency_id);
    return user;
  }

  private async checkUnit(agencyId: string, unitId: string | null | undefined): Promise<void> {
    if (!unitId) return;
    const unit = await this.agencies.getUnit(unitId);
    if (!unit || unit.agency_id !== agencyId) {
      throw invalid('unit_not_found', 'The unit does not exist in this agency. Pick one of the agency’s units.');
    }
  }

  async create(actor: Actor, input: CreateUserInput): Promise<identity.User> {
    const agencyId = input.agencyId ?? actor.agencyId;
    requireManageAgency(actor, agencyId);
    const agency = await this.agencies.get(agencyId);
    if (!agency) throw notFound('agency_not_found', 'There is no such agency.');
    const username = normalizeUsername(input.username);
    if (!USERNAME_PATTERN.test(username)) {
      throw invalid(
        'invalid_username',
        'A username is 3–64 characters: letters, digits and . _ @ - , starting with a letter or digit.',
      );
    }
    if (!isRole(input.role)) throw invalid('invalid_role', 'Unknown role.');
    await this.checkUnit(agencyId, input.unitId);
    assertPasswordAcceptable(input.password, username);
    if (await this.users.getByUsername(username)) {
      throw conflict('username_taken', `The username "${username}" is already in use. Choose another.`);
    }
    const now = this.ctx.clock.now().toISOString();
    const row: UserRow = {
      id: newId(),
      agency_id: agencyId,
      unit_id: input.unitId ?? null,
      username,
      display_name: input.displayName.trim(),
      email: input.email ?? null,
      role: input.role,
      password_hash: await hashPassword(input.password),
      locale: input.locale ?? 'en',
      disabled: 0,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    };
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.users.create(row, trx);
      await this.audit.record(
        actor,
        { action: 'user.create', recordType: 'user', recordId: row.id, details: { role: row.role, agencyId } },
        trx,
      );
    });
    return presentUser(row);
  }

  async get(actor: Actor, id: string): Promise<identity.User> {
    if (id === actor.userId) return presentUser(await this.requireUser(id));
    const user = await this.users.get(id);
    if (!user || (actor.via !== 'system' && user.agency_id !== actor.agencyId)) {
      throw notFound('user_not_found', 'There is no such user in your agency.');
    }
    requireReadAgencyUsers(actor, user.agency_id);
    return presentUser(user);
  }

  async getByUsername(actor: Actor, username: string): Promise<identity.User> {
    const user = await this.users.getByUsername(normalizeUsername(username));
    if (!user) throw notFound('user_not_found', `There is no user "${normalizeUsername(username)}".`);
    return this.get(actor, user.id);
  }

  async list(actor: Actor, filter: { agencyId?: string | undefined } = {}): Promise<identity.User[]> {
    const agencyId = filter.agencyId ?? (actor.via === 'system' ? undefined : actor.agencyId);
    if (agencyId) requireReadAgencyUsers(actor, agencyId);
    else if (actor.via !== 'system') throw forbidden('not_agency_administrator', 'Name an agency.');
    return (await this.users.list({ agencyId })).map(presentUser);
  }

  async update(actor: Actor, id: string, changes: identity.UpdateUserRequest): Promise<identity.User> {
    const user = await this.requireManaged(actor, id);
    if (changes.role !== undefined && changes.role !== user.role && user.id === actor.userId) {
      throw forbidden('cannot_change_own_role', 'You cannot change your own role. Ask another administrator.');
    }
    if (changes.unitId !== undefined) await this.checkUnit(user.agency_id, changes.unitId);
    const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.users.update(
        id,
        {
          ...(changes.displayName !== undefined ? { display_name: changes.displayName.trim() } : {}),
          ...(changes.email !== undefined ? { email: changes.email } : {}),
          ...(changes.role !== undefined ? { role: changes.role } : {}),
          ...(changes.unitId !== undefined ? { unit_id: changes.unitId } : {}),
          ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
          updated_at: this.ctx.clock.now().toISOString(),
        },
        trx,
      );
      await this.audit.record(
        actor,
        {
          action: 'user.update',
          recordType: 'user',
          recordId: id,
          details: { fields, ...(changes.role !== undefined ? { role: changes.role, previousRole: user.role } : {}) },
        },
        trx,
      );
    });
    return presentUser(await this.requireUser(id));
  }

  async setDisabled(actor: Actor, id: string, disabled: boolean): Promise<identity.User> {
    const user = await this.requireManaged(actor, id);
    if (disabled && user.id === actor.userId) {
      throw forbidden('cannot_disable_self', 'You cannot disable your own account. Ask another administrator.');
    }
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.users.update(
        id,
        {
          disabled: disabled ? 1 : 0,
          ...(disabled ? {} : { failed_logins: 0, locked_until: null }),
          updated_at: this.ctx.clock.now().toISOString(),
        },
        trx,
      );
      if (disabled) await this.sessions.deleteForUser(id, null, trx);
      await this.audit.record(
        actor,
        { action: disabled ? 'user.disable' : 'user.enable', recordType: 'user', recordId: id },
        trx,
      );
    });
    return presentUser(await this.requireUser(id));
  }

  /** Sets a new password chosen by the administrator; ends the user's sessions and lifts a lockout. */
  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<identity.User> {
    const user = await this.requireManaged(actor, id);
    assertPasswordAcceptable(newPassword, user.username);
    const hash = await hashPassword(newPassword);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.users.update(
        id,
        { password_hash: hash, failed_logins: 0, locked_until: null, updated_at: this.ctx.clock.now().toISOString() },
        trx,
      );
      await this.sessions.deleteForUser(id, null, trx);
      await this.audit.record(actor, { action: 'user.reset_password', recordType: 'user', recordId: id }, trx);
    });
    return presentUser(await this.requireUser(id));
  }

  /** Switches TOTP off for someone who lost their device; they enrol again at next login if their agency requires it. */
  async resetTotp(actor: Actor, id: string): Promise<identity.User> {
    await this.requireManaged(actor, id);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.users.update(
        id,
        { totp_enabled: 0, totp_secret: null, totp_last_step: null, updated_at: this.ctx.clock.now().toISOString() },
        trx,
      );
      await this.sessions.deleteForUser(id, null, trx);
      await this.audit.record(actor, { action: 'user.reset_totp', recordType: 'user', recordId: id }, trx);
    });
    return presentUser(await this.requireUser(id));
  }

  async directory(_actor: Actor, q: string | undefined, limit = 50): Promise<identity.DirectoryEntry[]> {
    const text = q?.trim() || undefined;
    return (await this.users.directory(text, Math.min(Math.max(limit, 1), 200))).map(presentDirectoryEntry);
  }
}
