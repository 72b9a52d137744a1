// Who is calling. Every /api/* route needs an actor unless its route config says `public: true`. The actor comes
// from a personal API token (Authorization: Bearer trag_…) or from the session cookie; cookie-authenticated writes
// must also carry the CSRF token (double submit: cookie trag_csrf + header X-CSRF-Token, both equal to the value
// derived from the session). Users whose agency requires TOTP and who have not enrolled may only reach routes
// marked `allowDuringTotpEnrolment`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService, csrfTokenFor, safeEqual, AUTH_SETTINGS } from '@trag/core/identity';
import { AppError, unauthenticated } from '@trag/core/shared';
import type { ServerConfig } from '../config';
import './request-actor';

export const SESSION_COOKIE = 'trag_session';
export const CSRF_COOKIE = 'trag_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without logging in (health, OpenAPI, login). */
    public?: boolean;
    /** Reachable while the user still has to enrol in TOTP (me, logout, TOTP set-up, password). */
    allowDuringTotpEnrolment?: boolean;
  }
  interface FastifyRequest {
    /** How the actor was recognised: the session or token id (logout ends that session). */
    credential: { via: 'session' | 'token'; id: string } | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookies(
  reply: FastifyReply,
  config: Pick<ServerConfig, 'secureCookies'>,
  sessionToken: string,
  csrfToken: string,
): void {
  const maxAge = Math.floor(AUTH_SETTINGS.sessionMaxAgeMs / 1000);
  const common = { path: '/', sameSite: 'strict' as const, secure: config.secureCookies, maxAge };
  reply.setCookie(SESSION_COOKIE, sessionToken, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, config: Pick<ServerConfig, 'secureCookies'>): void {
  const common = { path: '/', sameSite: 'strict' as const, secure: config.secureCookies };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, common);
}

function csrfProblem(request: FastifyRequest, sessionToken: string): AppError | null {
  const header = request.headers[CSRF_HEADER];
  const cookie = request.cookies[CSRF_COOKIE];
  if (typeof header !== 'string' || header === '' || !cookie) {
    return new AppError(
      'forbidden',
      'csrf_token_missing',
      'This request lacks its CSRF token (X-CSRF-Token header and trag_csrf cookie). Reload the page and try again.',
    );
  }
  const expected = csrfTokenFor(sessionToken);
  if (!safeEqual(header, cookie) || !safeEqual(header, expected)) {
    return new AppError(
      'forbidden',
      'csrf_token_invalid',
      'The CSRF token does not match this session. Reload the page and try again.',
    );
  }
  return null;
}

export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('credential', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const routeConfig = request.routeOptions.config as { public?: boolean; allowDuringTotpEnrolment?: boolean };
    // Unknown API routes (and the web UI's catch-all) answer without asking who is calling.
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    // The interactive API page (swagger-ui's own routes) is as public as /api/openapi.json.
    const isPublic = routeConfig.public === true || request.routeOptions.url.startsWith('/api/docs');
    const service = new AuthService(app.trag.core);
    const ip = request.ip ?? null;

    const authorization = request.headers.authorization;
    let problem: AppError | null = null;
    let result: Awaited<ReturnType<AuthService['authenticateSession']>> | null = null;
    let via: 'session' | 'token' = 'session';
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      via = 'token';
      if (!match) {
        problem = unauthenticated(
          'invalid_authorization_header',
          'The Authorization header must be "Bearer <token>" with a personal API token.',
        );
      } else {
        result = await service.authenticateToken(match[1]!, ip);
      }
    } else {
      const sessionToken = request.cookies[SESSION_COOKIE];
      if (sessionToken) {
        result = await service.authenticateSession(sessionToken, ip);
        if (result.status === 'ok' && !SAFE_METHODS.has(request.method)) {
          problem = csrfProblem(request, sessionToken);
          if (problem) result = null;
        }
        if (result && result.status !== 'ok') clearSessionCookies(reply, app.trag.config);
      }
    }

    if (result?.status === 'ok') {
      request.actor = result.actor;
      request.credential = { via, id: result.credentialId };
      if (result.totpEnrolmentRequired && !routeConfig.allowDuringTotpEnrolment && !isPublic) {
        throw new AppError(
          'forbidden',
          'totp_enrolment_required',
          'Your agency requires two-factor authentication. Set it up under "Account" before doing anything else.',
        );
      }
      return;
    }
    if (isPublic) return;
    if (problem) throw problem;
    switch (result?.status) {
      case 'expired':
        throw unauthenticated(
          via === 'token' ? 'token_expired' : 'session_expired',
          via === 'token' ? 'This API token has expired. Create a new one.' : 'Your session has ended. Log in again.',
        );
      case 'disabled':
        throw unauthenticated('account_disabled', "This account is disabled. Ask your agency's administrator.");
      case 'invalid':
        throw unauthenticated(
          via === 'token' ? 'invalid_token' : 'session_expired',
          via === 'token'
            ? 'This API token is not valid (revoked or mistyped). Check it or create a new one.'
            : 'Your session has ended. Log in again.',
        );
      default:
        throw unauthenticated('not_logged_in', 'Log in to continue.');
    }
  });
}
