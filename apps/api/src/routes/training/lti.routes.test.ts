// LTI 1.3 over HTTP against a mock platform on loopback, built from the specification: the platform's JWKS, an
// authorisation step that signs the id_token for the login Trag started, a token endpoint that checks Trag's client
// assertion against the keys Trag publishes at /api/training/lti/jwks, and a line item that records scores.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { AGS_SCORE_SCOPE, LtiService } from '@trag/core/training';
import { createDatabase, type TragDatabase } from '@trag/db';
import { describeEachDialect } from '@trag/db/testing';
import { loadConfig } from '../../config';
import {
  authHeaders,
  createTestAgency,
  createTestApp,
  createTestUser,
  type TestApp,
  type TestUser,
} from '../../testing';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const AGS = 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint';
const ISSUER = 'https://moodle.example.edu';

describeEachDialect('training LTI routes', (dialect) => {
  let t: TestApp;
  /** A second API process on the same database (and data folder), with its own copy of every module. */
  let second: FastifyInstance;
  let secondDatabase: TragDatabase | null = null;
  let admin: TestUser;
  let trainer: TestUser;
  let server: Server;
  let base = '';
  let platformKey: CryptoKey;
  let platformJwk: JWK;
  const scores: Record<string, unknown>[] = [];
  const tokens = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // Fresh module instances for the second app, so nothing kept in module memory is shared with the first, as
    // with two processes; on PostgreSQL it also gets its own pool (SQLite in memory has the one handle).
    vi.resetModules();
    const fresh = await import('../../app');
    const freshTraining = await import('@trag/core/training');
    expect(freshTraining.LtiService).not.toBe(LtiService);
    secondDatabase = dialect === 'postgres' ? createDatabase({ databaseUrl: t.database.url, poolSize: 3 }) : null;
    second = await fresh.buildApp({
      core: { ...t.core, database: secondDatabase ?? t.database },
      config: loadConfig({}, { dataDir: t.core.dataDir, webDist: undefined, demo: false }),
    });
    await second.ready();
    const centre = await createTestAgency(t, { country: 'MK' });
    admin = await createTestUser(t, { role: 'administrator', agencyId: centre.id });
    trainer = await createTestUser(t, { role: 'trainer', agencyId: centre.id });
    const pair = await generateKeyPair('RS256');
    platformKey = pair.privateKey;
    platformJwk = { ...(await exportJWK(pair.publicKey)), kid: 'moodle-1', alg: 'RS256' };
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        void (async () => {
          const url = new URL(req.url ?? '/', base);
          if (url.pathname === '/jwks') {
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [platformJwk] }));
          } else if (url.pathname === '/token') {
            // The tool's key comes from the JWKS Trag publishes, as a real platform would fetch it.
            const jwks = (await t.app.inject({ method: 'GET', url: '/api/training/lti/jwks' })).json<{ keys: JWK[] }>();
            const form = new URLSearchParams(body);
            try {
              await jwtVerify(form.get('client_assertion') ?? '', createLocalJWKSet(jwks), {
                issuer: 'trag-client',
                subject: 'trag-client',
                audience: `${base}/token`,
              });
              const token = `tok-${tokens.size + 1}`;
              tokens.add(token);
              res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token }));
            } catch {
              res.writeHead(401).end();
            }
          } else if (url.pathname === '/lineitems/7/scores') {
            if (!tokens.has((req.headers.authorization ?? '').replace('Bearer ', ''))) {
              res.writeHead(401).end();
              return;
            }
            scores.push(JSON.parse(body) as Record<string, unknown>);
            res.writeHead(200).end();
          } else {
            res.writeHead(404).end();
          }
        })();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await second?.close();
    if (secondDatabase) await secondDatabase.destroy();
    await t?.close();
  });

  /** The LMS's login initiation reaches `loginOn`, its launch `launchOn` (as a load balancer may send them). */
  async function loginAndLaunch(
    custom: Record<string, string>,
    sub: string,
    loginOn: FastifyInstance = t.app,
    launchOn: FastifyInstance = t.app,
  ) {
    const login = await loginOn.inject({
      method: 'GET',
      url: `/api/training/lti/login?${new URLSearchParams({
        iss: ISSUER,
        login_hint: 'u-1',
        target_link_uri: 'https://trag.example.org/training',
        client_id: 'trag-client',
      }).toString()}`,
    });
    expect(login.statusCode).toBe(302);
    const redirect = new URL(login.headers.location as string);
    expect(redirect.origin + redirect.pathname).toBe(`${base}/auth`);
    expect(redirect.searchParams.get('redirect_uri')).toMatch(/\/api\/training\/lti\/launch$/);
    // The platform's authorisation endpoint answers with a signed id_token for this login.
    const idToken = await new SignJWT({
      nonce: redirect.searchParams.get('nonce'),
      [`${LTI}message_type`]: 'LtiResourceLinkRequest',
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: 'dep-1',
      [`${LTI}target_link_uri`]: 'https://trag.example.org/training',
      [`${LTI}resource_link`]: { id: 'rl-42' },
      [`${LTI}roles`]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
      [`${LTI}custom`]: custom,
      [AGS]: { scope: [AGS_SCORE_SCOPE], lineitem: `${base}/lineitems/7` },
      name: 'Real Name Never Stored',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'moodle-1' })
      .setIssuer(ISSUER)
      .setAudience('trag-client')
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(platformKey);
    const form = new URLSearchParams({ id_token: idToken, state: redirect.searchParams.get('state')! }).toString();
    const launch = await launchOn.inject({
      method: 'POST',
      url: '/api/training/lti/launch',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form,
    });
    return { launch, form };
  }

  it('registers a platform, launches from it into a scenario, plays to the end and sends the grade back', async () => {
    const registration = {
      issuer: ISSUER,
      clientId: 'trag-client',
      deploymentIds: ['dep-1'],
      authorizationEndpoint: `${base}/auth`,
      tokenEndpoint: `${base}/token`,
      jwksUrl: `${base}/jwks`,
    };
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/training/lti/platforms',
      headers: await authHeaders(t, trainer),
      payload: registration,
    });
    expect(refused.statusCode).toBe(403);
    const insecure = await t.app.inject({
      method: 'POST',
      url: '/api/training/lti/platforms',
      headers: await authHeaders(t, admin),
      payload: { ...registration, jwksUrl: 'http://moodle.example.edu/jwks' },
    });
    expect(insecure.json()).toMatchObject({ error: { code: 'training_lti_url_invalid' } });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/training/lti/platforms',
      headers: await authHeaders(t, admin),
      payload: registration,
    });
    expect(created.statusCode).toBe(200);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/training/lti/platforms', headers: await authHeaders(t, admin) })
    ).json<{ platforms: { issuer: string }[]; tool: { jwksUrl: string } }>();
    expect(list.platforms.map((p) => p.issuer)).toEqual([ISSUER]);
    expect(list.tool.jwksUrl).toMatch(/\/api\/training\/lti\/jwks$/);

    const { launch, form } = await loginAndLaunch(
      { scenario: 'labour-exploitation-interview', language: 'mk' },
      'moodle-user-9f2c',
    );
    expect(launch.statusCode).toBe(303);
    const player = launch.headers.location as string;
    expect(player).toMatch(/^\/api\/training\/lti\/play\/[A-Za-z0-9_-]{40,}$/);
    // The state is used once: a replayed launch is refused.
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/training/lti/launch',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form,
    });
    expect(replay.statusCode).toBe(401);

    let page = await t.app.inject({ method: 'GET', url: player });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('lang="mk"');
    for (let i = 0; i < 60; i++) {
      const choice = /name="choiceId" value="([^"]+)"/.exec(page.body);
      if (!choice) break;
      const posted = await t.app.inject({
        method: 'POST',
        url: player,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ choiceId: choice[1]! }).toString(),
      });
      expect(posted.statusCode).toBe(303);
      page = await t.app.inject({ method: 'GET', url: player });
    }
    expect(page.body).toContain('data-lti-grade="sent"');
    const grade = /data-grade="([^"]+)"/.exec(page.body)![1];
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({
      userId: 'moodle-user-9f2c',
      scoreMaximum: 100,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      comment: `Trag: ${grade}`,
    });
    // Nothing of the LMS's personal data reaches the database.
    const launches = await t.core.database.db.selectFrom('training_lti_launches').selectAll().execute();
    expect(JSON.stringify(launches)).not.toContain('Real Name');

    // Platforms may also post the login initiation as a form; an unregistered issuer is refused.
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/training/lti/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ iss: ISSUER, login_hint: 'u-2', target_link_uri: 'https://t.example' }).toString(),
    });
    expect(posted.statusCode).toBe(302);
    expect(posted.headers.location).toMatch(new RegExp(`^${base}/auth\\?`));
    const stranger = await t.app.inject({
      method: 'GET',
      url: `/api/training/lti/login?iss=${encodeURIComponent('https://evil.example')}&login_hint=x&target_link_uri=y`,
    });
    expect(stranger.json()).toMatchObject({ error: { code: 'lti_unknown_platform' } });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/training/lti/play/not-a-real-token-000000' })).statusCode,
    ).toBe(400);
  });

  it('launches into a session by its code; the trainer sees the pseudonymous learner', async () => {
    const scenarios = (
      await t.app.inject({ method: 'GET', url: '/api/training/scenarios', headers: await authHeaders(t, trainer) })
    ).json<{ scenarios: { id: string; slug: string }[] }>().scenarios;
    const session = (
      await t.app.inject({
        method: 'POST',
        url: '/api/training/sessions',
        headers: await authHeaders(t, trainer),
        payload: {
          title: 'Moodle course',
          groupName: 'Skopje',
          language: 'sq',
          scenarioIds: [scenarios.find((s) => s.slug === 'border-first-contact')!.id],
        },
      })
    ).json<{ id: string; code: string }>();
    const { launch } = await loginAndLaunch({ session: session.code }, 'moodle-user-77');
    expect(launch.statusCode).toBe(303);
    const progress = (
      await t.app.inject({
        method: 'GET',
        url: `/api/training/sessions/${session.id}/progress`,
        headers: await authHeaders(t, trainer),
      })
    ).json<{ entries: { displayName: string; status: string }[] }>();
    expect(progress.entries).toHaveLength(1);
    expect(progress.entries[0]!.displayName).toMatch(/^LMS [0-9a-f]{6}$/);
    expect(progress.entries[0]!.status).toBe('in_progress');
  });

  it('takes a launch on another API process than the login, once, and plays there and back', async () => {
    const { launch, form } = await loginAndLaunch(
      { scenario: 'child-victim-guardian', language: 'en' },
      'moodle-user-lb',
      t.app,
      second,
    );
    expect(launch.statusCode).toBe(303);
    // A replay of the same state is refused on every process.
    for (const app of [t.app, second]) {
      const replay = await app.inject({
        method: 'POST',
        url: '/api/training/lti/launch',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form,
      });
      expect(replay.json()).toMatchObject({ error: { code: 'lti_state_invalid' } });
    }
    // The player works on either process: its state is the launch and attempt rows.
    const player = launch.headers.location as string;
    const page = await second.inject({ method: 'GET', url: player });
    const choice = /name="choiceId" value="([^"]+)"/.exec(page.body)![1]!;
    const posted = await t.app.inject({
      method: 'POST',
      url: player,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ choiceId: choice }).toString(),
    });
    expect(posted.statusCode).toBe(303);
    const after = await second.inject({ method: 'GET', url: player });
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toBe(page.body);
    // Both processes sign with the one tool key in the shared data folder, so either may send the grade.
    const jwks = async (app: FastifyInstance) =>
      (await app.inject({ method: 'GET', url: '/api/training/lti/jwks' })).json();
    expect(await jwks(second)).toEqual(await jwks(t.app));
    // And the other direction: login on the second process, launch on the first.
    expect(
      (await loginAndLaunch({ scenario: 'child-victim-guardian' }, 'moodle-user-lb2', second, t.app)).launch.statusCode,
    ).toBe(303);
    // Taken logins are gone; only the earlier test's login that was never answered waits (until it expires).
    const pending = await t.core.database.db.selectFrom('training_lti_logins').select('target_link_uri').execute();
    expect(pending).toEqual([{ target_link_uri: 'https://t.example' }]);
  });

  it('lets only the launching platform frame the player; every other response keeps X-Frame-Options DENY', async () => {
    const { launch } = await loginAndLaunch({ scenario: 'border-first-contact' }, 'moodle-user-frame');
    const player = launch.headers.location as string;
    const page = await t.app.inject({ method: 'GET', url: player });
    expect(page.statusCode).toBe(200);
    expect(page.headers['x-frame-options']).toBeUndefined();
    const csp = String(page.headers['content-security-policy']);
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)![1]!.split(' ');
    // The issuer's origin and the authorisation endpoint's (the mock platform on loopback), nothing else.
    expect(ancestors.sort()).toEqual([ISSUER, base].sort());
    expect(csp).toContain("default-src 'none'");
    const choice = /name="choiceId" value="([^"]+)"/.exec(page.body)![1]!;
    const posted = await t.app.inject({
      method: 'POST',
      url: player,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ choiceId: choice }).toString(),
    });
    expect(posted.headers['x-frame-options']).toBeUndefined();
    expect(posted.headers['content-security-policy']).toBe(csp);
    // The player never sets a cookie (SameSite cookies would not reach it inside the LMS's frame).
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(launch.headers['set-cookie']).toBeUndefined();

    // An unknown or expired launch link on the player route, the launch itself, and any other route: DENY.
    const unknown = await t.app.inject({ method: 'GET', url: '/api/training/lti/play/not-a-real-token-000000' });
    expect(unknown.headers['x-frame-options']).toBe('DENY');
    expect(unknown.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(launch.headers['x-frame-options']).toBe('DENY');
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/training/lti/platforms',
      headers: await authHeaders(t, admin),
    });
    expect(other.headers['x-frame-options']).toBe('DENY');
    expect(other.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await t.app.inject({ method: 'GET', url: '/api/training/lti/jwks' })).headers['x-frame-options']).toBe(
      'DENY',
    );
  });
});
