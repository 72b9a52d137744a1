// LTI 1.3 launch and AGS grade passback against a mock platform on loopback, built from the specification:
// a JWKS endpoint with the platform's key, an OIDC authorisation endpoint that answers the login with a signed
// id_token, a token endpoint that checks the tool's client assertion against the tool's public key, and a line
// item whose /scores endpoint records what it receives.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGS_CLAIM,
  AGS_SCORE_SCOPE,
  createLoginRedirect,
  LTI_CLAIM,
  postScore,
  verifyLaunch,
  type LtiLoginStore,
  type LtiPlatform,
  type LtiTool,
  type PendingLogin,
} from './lti';

/** A test double of the store (Trag's own is in the database: lti-login-store.test.ts). */
class MemoryLoginStore implements LtiLoginStore {
  readonly pending = new Map<string, PendingLogin>();
  save(state: string, login: PendingLogin) {
    this.pending.set(state, login);
    return Promise.resolve();
  }
  take(state: string) {
    const login = this.pending.get(state) ?? null;
    this.pending.delete(state);
    return Promise.resolve(login);
  }
}

let server: Server;
let base = '';
let platformPrivate: CryptoKey;
let platformJwk: JWK;
let otherPrivate: CryptoKey;
let toolPublicJwk: JWK;
let tool: LtiTool;
let platform: LtiPlatform;
const scores: Array<{ auth: string | undefined; type: string | undefined; body: Record<string, unknown> }> = [];
const issuedTokens = new Set<string>();

beforeAll(async () => {
  const p = await generateKeyPair('RS256');
  platformPrivate = p.privateKey;
  platformJwk = { ...(await exportJWK(p.publicKey)), kid: 'platform-1', alg: 'RS256', use: 'sig' };
  otherPrivate = (await generateKeyPair('RS256')).privateKey;
  const t = await generateKeyPair('RS256');
  toolPublicJwk = { ...(await exportJWK(t.publicKey)), kid: 'trag-1', alg: 'RS256' };

  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', base);
        if (url.pathname === '/jwks') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [platformJwk] }));
        } else if (url.pathname === '/token' && req.method === 'POST') {
          const form = new URLSearchParams(body);
          try {
            const key = await importJWK(toolPublicJwk, 'RS256');
            const { payload } = await jwtVerify(form.get('client_assertion') ?? '', key, {
              audience: `${base}/token`,
              issuer: 'trag-client',
            });
            if (payload.sub !== 'trag-client' || form.get('grant_type') !== 'client_credentials')
              throw new Error('bad grant');
            if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
              throw new Error('bad type');
            const token = `tok-${issuedTokens.size + 1}`;
            issuedTokens.add(token);
            res.writeHead(200, { 'content-type': 'application/json' }).end(
              JSON.stringify({
                access_token: token,
                token_type: 'Bearer',
                expires_in: 3600,
                scope: form.get('scope'),
              }),
            );
          } catch {
            res.writeHead(401).end();
          }
        } else if (url.pathname === '/lineitems/7/scores' && req.method === 'POST') {
          const auth = req.headers.authorization;
          if (!auth || !issuedTokens.has(auth.replace('Bearer ', ''))) {
            res.writeHead(401).end();
            return;
          }
          scores.push({ auth, type: req.headers['content-type'], body: JSON.parse(body) as Record<string, unknown> });
          res.writeHead(200).end();
        } else {
          res.writeHead(404).end();
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  platform = {
    id: 'reg-1',
    issuer: 'https://moodle.example.edu',
    clientId: 'trag-client',
    deploymentIds: ['dep-1'],
    authorizationEndpoint: `${base}/auth`,
    tokenEndpoint: `${base}/token`,
    jwksUrl: `${base}/jwks`,
  };
  tool = { redirectUri: 'https://trag.example.org/api/lti/launch', privateKey: t.privateKey, keyId: 'trag-1' };
});
afterAll(() => new Promise((r) => server.close(r)));

/** What the platform's authorisation endpoint does with the login redirect: sign an id_token for the user. */
async function platformAnswers(redirect: string, overrides: Record<string, unknown> = {}, key = platformPrivate) {
  const url = new URL(redirect);
  const claims = {
    nonce: url.searchParams.get('nonce'),
    [`${LTI_CLAIM}message_type`]: 'LtiResourceLinkRequest',
    [`${LTI_CLAIM}version`]: '1.3.0',
    [`${LTI_CLAIM}deployment_id`]: 'dep-1',
    [`${LTI_CLAIM}target_link_uri`]: 'https://trag.example.org/training',
    [`${LTI_CLAIM}resource_link`]: { id: 'rl-42' },
    [`${LTI_CLAIM}roles`]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
    [`${LTI_CLAIM}custom`]: { scenario: 'labour-exploitation-interview' },
    [AGS_CLAIM]: { scope: [AGS_SCORE_SCOPE], lineitem: `${base}/lineitems/7` },
    name: 'Real Name Never Stored',
    ...overrides,
  };
  const idToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'platform-1' })
    .setIssuer(platform.issuer)
    .setAudience(url.searchParams.get('client_id')!)
    .setSubject('moodle-user-9f2c')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
  return { id_token: idToken, state: url.searchParams.get('state')! };
}

const login = {
  iss: 'https://moodle.example.edu',
  login_hint: 'u9',
  target_link_uri: 'https://trag.example.org/training',
  client_id: 'trag-client',
};

describe('LTI 1.3', () => {
  it('answers the OIDC login initiation with a redirect carrying state, nonce and the form_post id_token request', async () => {
    const store = new MemoryLoginStore();
    const redirect = new URL(await createLoginRedirect(platform, tool, store, { ...login, lti_message_hint: 'm1' }));
    expect(redirect.origin + redirect.pathname).toBe(`${base}/auth`);
    expect(Object.fromEntries(redirect.searchParams)).toMatchObject({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: 'trag-client',
      redirect_uri: tool.redirectUri,
      login_hint: 'u9',
      lti_message_hint: 'm1',
    });
    expect(redirect.searchParams.get('state')).toHaveLength(32);
    expect(store.pending.get(redirect.searchParams.get('state')!)).toEqual({
      nonce: redirect.searchParams.get('nonce'),
      platformId: 'reg-1',
      targetLinkUri: login.target_link_uri,
    });
    await expect(
      createLoginRedirect(platform, tool, new MemoryLoginStore(), { ...login, iss: 'https://evil.example' }),
    ).rejects.toThrow(/not registered/);
  });

  it('verifies the launch id_token with the platform JWKS and returns the launch, once', async () => {
    const store = new MemoryLoginStore();
    const form = await platformAnswers(await createLoginRedirect(platform, tool, store, login));
    const launch = await verifyLaunch(platform, store, form);
    expect(launch).toMatchObject({
      userId: 'moodle-user-9f2c',
      deploymentId: 'dep-1',
      resourceLinkId: 'rl-42',
      custom: { scenario: 'labour-exploitation-interview' },
      lineItem: `${base}/lineitems/7`,
      scopes: [AGS_SCORE_SCOPE],
    });
    expect(JSON.stringify(launch)).not.toContain('Real Name');
    await expect(verifyLaunch(platform, store, form)).rejects.toMatchObject({ code: 'lti_state_invalid' });
  });

  it('refuses a token signed by another key, a wrong nonce, a wrong audience or an unknown deployment', async () => {
    const cases: Array<[Record<string, unknown>, string, CryptoKey?]> = [
      [{}, 'lti_token_invalid', otherPrivate],
      [{ nonce: 'not-the-nonce' }, 'lti_nonce_invalid'],
      [{ [`${LTI_CLAIM}deployment_id`]: 'dep-x' }, 'lti_unknown_deployment'],
      [{ [`${LTI_CLAIM}version`]: '1.1' }, 'lti_version_unsupported'],
      [{ [`${LTI_CLAIM}target_link_uri`]: 'https://trag.example.org/elsewhere' }, 'lti_target_mismatch'],
    ];
    for (const [overrides, code, key] of cases) {
      const store = new MemoryLoginStore();
      const form = await platformAnswers(await createLoginRedirect(platform, tool, store, login), overrides, key);
      await expect(verifyLaunch(platform, store, form)).rejects.toMatchObject({ code });
    }
    const store = new MemoryLoginStore();
    const form = await platformAnswers(await createLoginRedirect(platform, tool, store, login));
    await expect(verifyLaunch({ ...platform, clientId: 'someone-else' }, store, form)).rejects.toMatchObject({
      code: 'lti_token_invalid',
    });
    // A state started for one registration does not launch another (same issuer, other client id).
    const other = new MemoryLoginStore();
    const foreign = await platformAnswers(await createLoginRedirect(platform, tool, other, login));
    await expect(verifyLaunch({ ...platform, id: 'reg-2' }, other, foreign)).rejects.toMatchObject({
      code: 'lti_state_invalid',
    });
  });

  it('sends the grade back through AGS with a client-credentials token obtained with a signed assertion', async () => {
    await postScore(platform, tool, `${base}/lineitems/7`, {
      userId: 'moodle-user-9f2c',
      scoreGiven: 92,
      scoreMaximum: 100,
      comment: 'excellent',
      timestamp: '2026-11-30T09:00:00.000Z',
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });
    expect(scores).toHaveLength(1);
    expect(scores[0]!.type).toBe('application/vnd.ims.lis.v1.score+json');
    expect(scores[0]!.body).toMatchObject({
      userId: 'moodle-user-9f2c',
      scoreGiven: 92,
      scoreMaximum: 100,
      gradingProgress: 'FullyGraded',
    });
    const wrongKey: LtiTool = { ...tool, privateKey: otherPrivate };
    await expect(
      postScore(platform, wrongKey, `${base}/lineitems/7`, { ...scores[0]!.body } as never),
    ).rejects.toMatchObject({
      code: 'lti_token_refused',
    });
  });
});
