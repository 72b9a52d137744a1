import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '@trag/db/testing';
import {
  authHeaders,
  createTestAgency,
  createTestApp,
  createTestUser,
  sessionLogin,
  type TestApp,
  type TestUser,
} from '../testing';

describeEachDialect('users and agencies routes', (dialect) => {
  let t: TestApp;
  let agencyA: string;
  let agencyB: string;
  let adminA: TestUser;
  let adminB: TestUser;
  let investigatorA: TestUser;
  let investigatorB: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    agencyA = (await createTestAgency(t, { name: 'Police Sarajevo (test)', country: 'BA' })).id;
    agencyB = (await createTestAgency(t, { name: 'Social work Skopje (test)', country: 'MK', kind: 'social_welfare' }))
      .id;
    adminA = await createTestUser(t, { role: 'administrator', agencyId: agencyA });
    adminB = await createTestUser(t, { role: 'administrator', agencyId: agencyB });
    investigatorA = await createTestUser(t, { role: 'investigator', agencyId: agencyA, displayName: 'Đorđe Test' });
    investigatorB = await createTestUser(t, { role: 'social_worker', agencyId: agencyB, displayName: 'Ana Test' });
  });
  afterAll(async () => t.close());

  const as = async (user: TestUser) => authHeaders(t, user);

  it('lets an administrator create a user in their agency, who can then log in', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: await as(adminA),
      payload: {
        username: 'New.Analyst',
        displayName: 'New Analyst',
        role: 'analyst',
        password: 'Copper-kettle-sings-9',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ username: 'new.analyst', agencyId: agencyA, role: 'analyst' });
    expect(response.body).not.toContain('password');
    await sessionLogin(t, { username: 'new.analyst', password: 'Copper-kettle-sings-9' });
  });

  it('refuses weak passwords and taken usernames with clear codes', async () => {
    const headers = await as(adminA);
    const create = (username: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers,
        payload: { username, displayName: 'X', role: 'analyst', password },
      });
    expect((await create('weak1', 'short')).json().error.code).toBe('password_too_short');
    expect((await create('weak2', '1q2w3e4r5t6y')).json().error.code).toBe('password_too_common');
    expect((await create(investigatorA.username, 'Copper-kettle-sings-9')).json().error.code).toBe('username_taken');
  });

  it('rejects unknown fields with 400', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${investigatorA.id}`,
      headers: await as(adminA),
      payload: { role: 'analyst', isAdmin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
  });

  it("does not let an administrator see or manage another agency's users", async () => {
    const headers = await as(adminA);
    const target = investigatorB.id;
    expect((await t.app.inject({ method: 'GET', url: `/api/users/${target}`, headers })).statusCode).toBe(404);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${target}`,
      headers,
      payload: { role: 'administrator' },
    });
    expect(patch.statusCode).toBe(404);
    for (const verb of ['disable', 'enable']) {
      expect((await t.app.inject({ method: 'POST', url: `/api/users/${target}/${verb}`, headers })).statusCode).toBe(
        404,
      );
    }
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${target}/reset-password`,
      headers,
      payload: { newPassword: 'Copper-kettle-sings-9' },
    });
    expect(reset.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: `/api/users?agencyId=${agencyB}`, headers });
    expect(list.statusCode).toBe(403);
    const patchAgency = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${agencyB}`,
      headers,
      payload: { requireTotp: true },
    });
    expect(patchAgency.statusCode).toBe(403);
  });

  it('does not let a non-administrator manage users', async () => {
    const headers = await as(investigatorA);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: { username: 'sneaky', displayName: 'S', role: 'administrator', password: 'Copper-kettle-sings-9' },
    });
    expect(response.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(403);
    // …but may read their own account
    expect((await t.app.inject({ method: 'GET', url: `/api/users/${investigatorA.id}`, headers })).statusCode).toBe(
      200,
    );
  });

  it('disables a user: their token and sessions stop working; enabling restores access', async () => {
    const victim = await createTestUser(t, { role: 'trainee', agencyId: agencyA });
    const victimHeaders = await as(victim);
    const session = await sessionLogin(t, victim);
    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/users/${victim.id}/disable`,
      headers: await as(adminA),
    });
    expect(disabled.json().user.disabled).toBe(true);
    const tokenTry = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: victimHeaders });
    expect(tokenTry.statusCode).toBe(401);
    expect(tokenTry.json().error.code).toBe('account_disabled');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })).statusCode,
    ).toBe(401);
    const loginTry = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: victim.username, password: victim.password },
    });
    expect(loginTry.json().error.code).toBe('account_disabled');
    await t.app.inject({ method: 'POST', url: `/api/users/${victim.id}/enable`, headers: await as(adminA) });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: victimHeaders })).statusCode).toBe(200);
  });

  it('keeps an administrator from disabling themselves or changing their own role', async () => {
    const headers = await as(adminA);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/users/${adminA.id}/disable`, headers })).json().error.code,
    ).toBe('cannot_disable_self');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${adminA.id}`,
      headers,
      payload: { role: 'analyst' },
    });
    expect(patch.json().error.code).toBe('cannot_change_own_role');
  });

  it('resets a password and lifts a lockout', async () => {
    const user = await createTestUser(t, { role: 'analyst', agencyId: agencyA });
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: `nope-nope-nope-${i}` },
      });
    }
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: await as(adminA),
      payload: { newPassword: 'Velvet-mountain-rain-5' },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().user.lockedUntil).toBeNull();
    await sessionLogin(t, { username: user.username, password: 'Velvet-mountain-rain-5' });
  });

  it("lets the administrator reset a lost TOTP device, not another agency's", async () => {
    const user = await createTestUser(t, { role: 'investigator', agencyId: agencyA });
    await t.database.db
      .updateTable('users')
      .set({ totp_enabled: 1, totp_secret: 'JBSWY3DPEHPK3PXP' })
      .where('id', '=', user.id)
      .execute();
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-totp`,
      headers: await as(adminB),
    });
    expect(foreign.statusCode).toBe(404);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-totp`,
      headers: await as(adminA),
    });
    expect(reset.json().user.totpEnabled).toBe(false);
  });

  it('shows everyone a minimal directory across agencies, searchable by name', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/users/directory?q=ana',
      headers: await as(investigatorA),
    });
    expect(response.statusCode).toBe(200);
    const users = response.json().users as Array<Record<string, unknown>>;
    expect(users.map((u) => u.id)).toContain(investigatorB.id);
    expect(Object.keys(users[0]!).sort()).toEqual(['agency', 'displayName', 'id', 'role']);
    expect(users[0]!.agency).toMatchObject({ country: 'MK', name: 'Social work Skopje (test)' });
    const meta = await t.app.inject({
      method: 'GET',
      url: "/api/users/directory?q=%25'--",
      headers: await as(investigatorA),
    });
    expect(meta.statusCode).toBe(200);
    expect(meta.json().users).toEqual([]);
  });

  it('lets the agency administrator require TOTP and add units; everyone reads agencies and units', async () => {
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${agencyB}`,
      headers: await as(adminB),
      payload: { requireTotp: false, referencePrefix: 'CSW-SK' },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().agency).toMatchObject({ referencePrefix: 'CSW-SK', requireTotp: false });
    const unit = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${agencyA}/units`,
      headers: await as(adminA),
      payload: { name: 'Anti-trafficking unit' },
    });
    expect(unit.statusCode).toBe(200);
    const units = await t.app.inject({
      method: 'GET',
      url: `/api/agencies/${agencyA}/units`,
      headers: await as(investigatorB),
    });
    expect(units.json().units.map((u: { name: string }) => u.name)).toContain('Anti-trafficking unit');
    const list = await t.app.inject({ method: 'GET', url: '/api/agencies', headers: await as(investigatorB) });
    expect(list.json().agencies.length).toBeGreaterThanOrEqual(2);
    const foreignUnit = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${investigatorB.id}`,
      headers: await as(adminB),
      payload: { unitId: unit.json().unit.id },
    });
    expect(foreignUnit.json().error.code).toBe('unit_not_found');
  });

  it('audits user changes', async () => {
    const rows = await t.database.db.selectFrom('audit_log').select('action').execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      'user.create',
      'user.disable',
      'user.enable',
      'user.reset_password',
      'agency.update',
      'auth.token_create',
    ]) {
      expect(actions).toContain(action);
    }
  });
});
