import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '@trag/db/testing';
import { generateTotp } from '@trag/core/identity';
import { authHeaders, createTestAgency, createTestApp, createTestUser, sessionLogin, type TestApp } from '../testing';

describeEachDialect('auth routes', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const login = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers });

  it('logs in with the right password and sets HttpOnly SameSite=Strict session and readable CSRF cookies', async () => {
    const user = await createTestUser(t, { role: 'investigator' });
    const response = await login({ username: user.username.toUpperCase(), password: user.password });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, role: 'investigator', totpEnabled: false });
    const session = response.cookies.find((c) => c.name === 'trag_session');
    const csrf = response.cookies.find((c) => c.name === 'trag_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
    const stored = await t.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(session?.value);
  });

  it('refuses a wrong password with invalid_credentials and audits it', async () => {
    const user = await createTestUser(t, { role: 'analyst' });
    const response = await login({ username: user.username, password: 'Wrong-password-entirely' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('record_id', '=', user.id)
      .where('action', '=', 'auth.login_failed')
      .executeTakeFirst();
    expect(entry).toBeDefined();
    expect(entry?.details).not.toContain('Wrong-password');
  });

  it('locks the account after five failures, even for the right password, and says for how long', async () => {
    const user = await createTestUser(t, { role: 'analyst' });
    for (let i = 0; i < 5; i++) {
      expect((await login({ username: user.username, password: `Wrong-password-${i}xx` })).statusCode).toBe(401);
    }
    const locked = await login({ username: user.username, password: user.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'account_locked', details: { retryAfterMinutes: 15 } });
    const lockout = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', user.id)
      .where('action', '=', 'auth.lockout')
      .execute();
    expect(lockout).toHaveLength(1);
  });

  it('answers an unknown username like a wrong password', async () => {
    const response = await login({ username: 'nobody-here', password: 'Whatever-password-1' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
  });

  it('rejects unknown fields in the login body with 400', async () => {
    const response = await login({ username: 'a', password: 'b', remember: true });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('remember');
  });

  it('requires a login for API routes and accepts a bearer token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const user = await createTestUser(t, { role: 'prosecutor' });
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: await authHeaders(t, user) });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ username: user.username, role: 'prosecutor' });
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: 'Bearer trag_notarealtoken' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('invalid_token');
  });

  it('keeps health and the OpenAPI document public', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated write without the CSRF header (403) and accepts it with the header', async () => {
    const user = await createTestUser(t, { role: 'social_worker' });
    const session = await sessionLogin(t, user);
    const without = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie: session.cookie },
      payload: { locale: 'mk' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_token_missing');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie: session.cookie, 'x-csrf-token': 'forged' },
      payload: { locale: 'mk' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: session.headers,
      payload: { locale: 'mk' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('mk');
    // Reads with the cookie need no CSRF header.
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const user = await createTestUser(t, { role: 'trainer' });
    const session = await sessionLogin(t, user);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode).toBe(
      200,
    );
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('session_expired');
  });

  it('replaces the session a browser already had when it logs in again', async () => {
    const user = await createTestUser(t, { role: 'trainer' });
    const first = await sessionLogin(t, user);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { username: user.username, password: user.password },
    });
    expect(again.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode,
    ).toBe(401);
  });

  it('expires an idle session', async () => {
    const user = await createTestUser(t, { role: 'trainee' });
    const session = await sessionLogin(t, user);
    (t.core.clock as unknown as { advance(ms: number): void }).advance(61 * 60 * 1000);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('creates, lists and revokes personal API tokens; the secret is shown once and works until revoked', async () => {
    const user = await createTestUser(t, { role: 'investigator' });
    const headers = await authHeaders(t, user);
    const created = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload: { name: 'cli' } });
    expect(created.statusCode).toBe(200);
    const { token, secret } = created.json() as { token: { id: string; prefix: string }; secret: string };
    expect(secret).toMatch(/^trag_/);
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers });
    expect(list.body).not.toContain(secret);
    expect(list.json().tokens.map((x: { id: string }) => x.id)).toContain(token.id);
    const own = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: own })).statusCode).toBe(200);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${token.id}`, headers });
    expect(revoked.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: own })).statusCode).toBe(401);
  });

  it('enrols TOTP with a generated code and then requires it at login', async () => {
    const user = await createTestUser(t, { role: 'supervisor' });
    const headers = await authHeaders(t, user);
    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrSvg } = setup.json() as { secret: string; otpauthUrl: string; qrSvg: string };
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Trag:/);
    expect(qrSvg).toContain('<svg');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    const code = generateTotp(secret, t.core.clock.now());
    const enabled = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers, payload: { code } });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().user.totpEnabled).toBe(true);

    const noCode = await login({ username: user.username, password: user.password });
    expect(noCode.json().error.code).toBe('totp_required');
    // The code used for enrolment cannot be replayed.
    const replay = await login({ username: user.username, password: user.password, totpCode: code });
    expect(replay.json().error.code).toBe('invalid_totp_code');
    (t.core.clock as unknown as { advance(ms: number): void }).advance(30_000);
    const next = generateTotp(secret, t.core.clock.now());
    expect((await login({ username: user.username, password: user.password, totpCode: next })).statusCode).toBe(200);
  });

  it('blocks users of an agency that requires TOTP with totp_enrolment_required until they enrol', async () => {
    const agency = await createTestAgency(t, { requireTotp: true, country: 'ME', kind: 'prosecution' });
    const user = await createTestUser(t, { role: 'prosecutor', agencyId: agency.id });
    const headers = await authHeaders(t, user);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/agencies', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('totp_enrolment_required');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect(me.json().user.totpEnrolmentRequired).toBe(true);
    const { secret } = (await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers })).json() as {
      secret: string;
    };
    const code = generateTotp(secret, t.core.clock.now());
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers, payload: { code } })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies', headers })).statusCode).toBe(200);
  });

  it('refuses a password change to a short or common password with a clear code', async () => {
    const user = await createTestUser(t, { role: 'analyst' });
    const headers = await authHeaders(t, user);
    const change = (newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { currentPassword: user.password, newPassword },
      });
    expect((await change('short')).json().error.code).toBe('password_too_short');
    expect((await change('qwertyuiop123')).json().error.code).toBe('password_too_common');
    expect((await change('Quiet-harbour-lamps-77')).statusCode).toBe(200);
  });
});
