// LTI 1.3 (IMS Global / 1EdTech): Trag as the tool. The LMS (Moodle…) is the platform.
//   1. OIDC login initiation: the platform calls the tool's login URL (iss, login_hint, target_link_uri,
//      lti_message_hint, client_id); the tool answers with a redirect to the platform's authorisation endpoint
//      carrying a fresh state and nonce (createLoginRedirect).
//   2. Launch: the platform POSTs an id_token (a JWT signed with the platform's key); the tool verifies it with the
//      platform's JWKS (issuer, audience = client id, expiry, nonce used once, LTI version, message type, deployment)
//      and reads the launch claims (verifyLaunch).
//   3. Grade passback (Assignment and Grade Services): the tool gets an access token with the OAuth 2 client
//      credentials grant, authenticating with a JWT signed by its own private key (RFC 7523), and POSTs a score to
//      the line item's /scores endpoint (postScore).
import { randomBytes, randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT, type CryptoKey, type JWTPayload, type KeyObject } from 'jose';
import { AppError } from '../shared/errors';

export const LTI_CLAIM = 'https://purl.imsglobal.org/spec/lti/claim/';
export const AGS_CLAIM = 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint';
export const AGS_SCORE_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';

export interface LtiPlatform {
  /** The registration's id in Trag. */
  id: string;
  /** The platform's issuer (iss). */
  issuer: string;
  /** The client id the platform gave Trag. */
  clientId: string;
  deploymentIds: string[];
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUrl: string;
}

export interface LtiTool {
  /** Where the platform posts the id_token (the tool's launch URL). */
  redirectUri: string;
  /** Trag's private signing key (RS256) and its key id, published in Trag's JWKS. */
  privateKey: CryptoKey | KeyObject;
  keyId: string;
}

/** A pending login as the launch finds it. */
export interface PendingLogin {
  nonce: string;
  /** The registration (platform id) the login was started for. */
  platformId: string;
  targetLinkUri: string;
}

/**
 * Where pending logins wait between the login initiation and the launch. It must be shared by every API process
 * (the LMS may send the launch to another one) and `take` must hand a state out at most once, even to two launches
 * racing for it; an expired state is refused. Trag's implementation is LtiLoginDatabaseStore (lti-login-store.ts).
 */
export interface LtiLoginStore {
  save(state: string, login: PendingLogin): Promise<void>;
  /** The pending login of a state, removed in the same step; null when unknown, already taken or expired. */
  take(state: string): Promise<PendingLogin | null>;
}

const ltiError = (code: string, message: string) => new AppError('unauthenticated', code, message);

export interface LoginInitiation {
  iss: string;
  login_hint: string;
  target_link_uri: string;
  lti_message_hint?: string;
  client_id?: string;
}

export async function createLoginRedirect(
  platform: LtiPlatform,
  tool: LtiTool,
  store: LtiLoginStore,
  login: LoginInitiation,
): Promise<string> {
  if (login.iss !== platform.issuer) throw ltiError('lti_unknown_platform', 'This LMS is not registered with Trag.');
  if (login.client_id && login.client_id !== platform.clientId) {
    throw ltiError('lti_unknown_client', 'The LMS used a client id Trag does not know.');
  }
  const state = randomBytes(24).toString('base64url');
  const nonce = randomBytes(24).toString('base64url');
  await store.save(state, { nonce, platformId: platform.id, targetLinkUri: login.target_link_uri });
  const url = new URL(platform.authorizationEndpoint);
  const params: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: tool.redirectUri,
    login_hint: login.login_hint,
    state,
    nonce,
  };
  if (login.lti_message_hint) params.lti_message_hint = login.lti_message_hint;
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export interface LtiLaunch {
  /** The platform's opaque user id (sub): Trag stores it, never the name or e-mail the LMS may send. */
  userId: string;
  deploymentId: string;
  resourceLinkId: string;
  roles: string[];
  targetLinkUri: string;
  /** Custom parameters (e.g. scenario=labour-exploitation-interview). */
  custom: Record<string, string>;
  /** AGS line item URL when the platform allows grade passback. */
  lineItem: string | null;
  scopes: string[];
}

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

export async function verifyLaunch(
  platform: LtiPlatform,
  store: LtiLoginStore,
  form: { id_token: string; state: string },
): Promise<LtiLaunch> {
  const pending = await store.take(form.state);
  if (!pending || pending.platformId !== platform.id) {
    throw ltiError(
      'lti_state_invalid',
      'The launch is not the answer to a login Trag started (or it expired); launch again from the LMS.',
    );
  }
  let jwks = jwksCache.get(platform.jwksUrl);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(platform.jwksUrl));
    jwksCache.set(platform.jwksUrl, jwks);
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(form.id_token, jwks, { issuer: platform.issuer, audience: platform.clientId }));
  } catch (error) {
    throw new AppError(
      'unauthenticated',
      'lti_token_invalid',
      'The LMS launch could not be verified; launch again from the LMS.',
      { cause: error },
    );
  }
  const claim = (name: string) => payload[LTI_CLAIM + name];
  if (payload.nonce !== pending.nonce)
    throw ltiError('lti_nonce_invalid', 'The launch was already used or does not match the login; launch again.');
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== platform.clientId) {
    throw ltiError('lti_token_invalid', 'The launch token was issued for another tool.');
  }
  if (claim('version') !== '1.3.0') throw ltiError('lti_version_unsupported', 'Only LTI 1.3 launches are supported.');
  if (claim('message_type') !== 'LtiResourceLinkRequest')
    throw ltiError('lti_message_unsupported', 'Only resource link launches are supported.');
  const deploymentId = String(claim('deployment_id') ?? '');
  if (!platform.deploymentIds.includes(deploymentId))
    throw ltiError('lti_unknown_deployment', 'This LMS deployment is not registered with Trag.');
  // LTI 1.3 core: the launch's target_link_uri claim must equal the one of the login initiation.
  if (claim('target_link_uri') !== pending.targetLinkUri)
    throw ltiError('lti_target_mismatch', 'The launch does not go where the login said; launch again from the LMS.');
  const resourceLink = claim('resource_link') as { id?: unknown } | undefined;
  if (typeof payload.sub !== 'string' || payload.sub === '' || typeof resourceLink?.id !== 'string') {
    throw ltiError('lti_token_invalid', 'The launch lacks a user or a resource link.');
  }
  const ags = payload[AGS_CLAIM] as { lineitem?: unknown; scope?: unknown } | undefined;
  return {
    userId: payload.sub,
    deploymentId,
    resourceLinkId: resourceLink.id,
    roles: Array.isArray(claim('roles')) ? (claim('roles') as unknown[]).map(String) : [],
    targetLinkUri: pending.targetLinkUri,
    custom: Object.fromEntries(
      Object.entries((claim('custom') as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, String(v)]),
    ),
    lineItem: typeof ags?.lineitem === 'string' ? ags.lineitem : null,
    scopes: Array.isArray(ags?.scope) ? (ags.scope as unknown[]).map(String) : [],
  };
}

/** OAuth 2 client credentials with a signed JWT assertion (RFC 7523), as LTI Advantage services require. */
export async function serviceToken(platform: LtiPlatform, tool: LtiTool, scopes: string[]): Promise<string> {
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: tool.keyId, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenEndpoint)
    .setIssuedAt()
    .setExpirationTime('5m')
    .setJti(randomUUID())
    .sign(tool.privateKey);
  const response = await fetch(platform.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: scopes.join(' '),
    }),
  });
  if (!response.ok)
    throw new AppError(
      'unavailable',
      'lti_token_refused',
      `The LMS refused Trag's service token request (HTTP ${response.status}).`,
    );
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string')
    throw new AppError('unavailable', 'lti_token_refused', 'The LMS answered without an access token.');
  return body.access_token;
}

export interface LtiScore {
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
  comment?: string;
  timestamp: string;
  activityProgress: 'Initialized' | 'Started' | 'InProgress' | 'Submitted' | 'Completed';
  gradingProgress: 'FullyGraded' | 'Pending' | 'PendingManual' | 'Failed' | 'NotReady';
}

/** AGS: POSTs a score to `<lineitem>/scores`. */
export async function postScore(
  platform: LtiPlatform,
  tool: LtiTool,
  lineItem: string,
  score: LtiScore,
): Promise<void> {
  const token = await serviceToken(platform, tool, [AGS_SCORE_SCOPE]);
  const url = new URL(lineItem);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.ims.lis.v1.score+json' },
    body: JSON.stringify(score),
  });
  if (!response.ok)
    throw new AppError('unavailable', 'lti_score_refused', `The LMS refused the grade (HTTP ${response.status}).`);
}
