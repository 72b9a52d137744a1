// Logging in and out and the caller's own account: /api/auth/*.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { identity as contracts, platform } from '@trag/contracts';
import { AuthService } from '@trag/core/identity';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from '../plugins/authentication';
import { requireActor } from '../plugins/request-actor';

const errors = { 400: platform.ErrorResponse, 401: platform.ErrorResponse, 403: platform.ErrorResponse };

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = () => new AuthService(app.trag.core);
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in with username and password (and TOTP code); sets the session and CSRF cookies',
        body: contracts.LoginRequest,
        response: { 200: contracts.LoginResponse, ...errors, 429: platform.ErrorResponse },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const result = await service().login({
        ...request.body,
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
      });
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await service().discardSession(previous);
      setSessionCookies(reply, app.trag.config, result.sessionToken, result.csrfToken);
      return { user: result.user };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'End the current session', response: { 200: contracts.OkResponse, ...errors } },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (request.credential?.via === 'session') await service().logout(actor, request.credential.id);
      clearSessionCookies(reply, app.trag.config);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The logged-in user and their agency',
        response: { 200: contracts.MeResponse, ...errors },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => ({ user: await service().me(requireActor(request)) }),
  );

  app.patch(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'Change your own display name or language',
        body: contracts.UpdateMeRequest,
        response: { 200: contracts.MeResponse, ...errors },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => ({ user: await service().updateMe(requireActor(request), request.body) }),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password (ends your other sessions)',
        body: contracts.ChangePasswordRequest,
        response: { 200: contracts.OkResponse, ...errors },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => {
      const keep = request.credential?.via === 'session' ? request.credential.id : null;
      await service().changePassword(requireActor(request), request.body, keep);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      schema: {
        tags,
        summary: 'Start two-factor enrolment: a new secret, its otpauth URL and QR code',
        response: { 200: contracts.TotpSetupResponse, ...errors, 409: platform.ErrorResponse },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => service().totpSetup(requireActor(request)),
  );

  app.post(
    '/api/auth/totp/enable',
    {
      schema: {
        tags,
        summary: 'Finish enrolment with a code from the authenticator app',
        body: contracts.TotpCodeRequest,
        response: { 200: contracts.MeResponse, ...errors, 409: platform.ErrorResponse },
      },
      config: { allowDuringTotpEnrolment: true },
    },
    async (request) => ({ user: await service().totpEnable(requireActor(request), request.body.code) }),
  );

  app.post(
    '/api/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor authentication off with a current code (not if your agency requires it)',
        body: contracts.TotpCodeRequest,
        response: { 200: contracts.MeResponse, ...errors, 409: platform.ErrorResponse },
      },
    },
    async (request) => ({ user: await service().totpDisable(requireActor(request), request.body.code) }),
  );

  app.get(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Your active personal API tokens',
        response: { 200: contracts.ApiTokenListResponse, ...errors },
      },
    },
    async (request) => ({ tokens: await service().listTokens(requireActor(request)) }),
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token; its secret is shown only in this response',
        body: contracts.CreateApiTokenRequest,
        response: { 200: contracts.CreateApiTokenResponse, ...errors },
      },
    },
    async (request) => service().createToken(requireActor(request), request.body),
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: contracts.IdParams,
        response: { 200: contracts.OkResponse, ...errors, 404: platform.ErrorResponse },
      },
    },
    async (request) => {
      await service().revokeToken(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
};
