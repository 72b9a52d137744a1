// LTI 1.3 over HTTP: Trag's JWKS, the OIDC login initiation, the launch (id_token verified against the platform's
// JWKS) into a session or scenario, the launch-scoped player (plain HTML forms) with AGS grade passback at the end,
// and the registrations of platforms (administrators). The LMS-facing routes are public: the LMS authenticates with
// its signed id_token, the learner with the launch token in the player URL.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { platform, training as contracts } from '@trag/contracts';
import { LtiService, presentPlatform, renderLtiPlayer } from '@trag/core/training';
import { requireActor } from '../../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
  409: platform.ErrorResponse,
};
const tags = ['training'];
/**
 * LMSs (Moodle…) show tools in an iframe: the player may be framed, but only by the platform that launched it (the
 * origins of its issuer and authorisation endpoint), never by anyone else; every other response keeps
 * X-Frame-Options DENY (the route's frameAncestorsFromRoute flag lets security-headers.ts drop it here only).
 */
const playerCsp = (origins: string[]) =>
  `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors ${origins.join(' ')}`;

export const trainingLtiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new LtiService(app.trag.core);
  // Platforms post HTML forms (login, launch) and the player posts choices: parse them in this plugin only.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const playerUrl = (token: string) => `/api/training/lti/play/${encodeURIComponent(token)}`;

  app.get(
    '/api/training/lti/jwks',
    {
      schema: { tags, summary: 'Trag’s public keys for LTI service tokens', response: { 200: contracts.LtiJwks } },
      config: { public: true },
    },
    async () => service.jwks(),
  );

  const login = async (params: contracts.LtiLoginForm) => service.login(params);
  app.get(
    '/api/training/lti/login',
    {
      schema: { tags, summary: 'LTI 1.3 OIDC login initiation (query)', querystring: contracts.LtiLoginForm },
      config: { public: true },
    },
    async (request, reply) => reply.redirect(await login(request.query), 302),
  );
  app.post(
    '/api/training/lti/login',
    {
      schema: { tags, summary: 'LTI 1.3 OIDC login initiation (form)', body: contracts.LtiLoginForm },
      config: { public: true },
    },
    async (request, reply) => reply.redirect(await login(request.body), 302),
  );

  app.post(
    '/api/training/lti/launch',
    {
      schema: { tags, summary: 'LTI 1.3 resource link launch (id_token form post)', body: contracts.LtiLaunchForm },
      config: { public: true },
    },
    async (request, reply) => reply.redirect(playerUrl(await service.launch(request.body)), 303),
  );

  app.get(
    '/api/training/lti/play/:token',
    {
      schema: { tags, summary: 'The launched learner’s player page (HTML)', params: contracts.LtiPlayParams },
      config: { public: true, frameAncestorsFromRoute: true },
    },
    async (request, reply) => {
      const play = await service.play(request.params.token);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', playerCsp(play.platformOrigins))
        .send(renderLtiPlayer(play, playerUrl(request.params.token)));
    },
  );

  app.post(
    '/api/training/lti/play/:token',
    {
      schema: {
        tags,
        summary: 'A launched learner’s choice (form post); sends the grade when the attempt ends',
        params: contracts.LtiPlayParams,
        body: contracts.LtiChoiceForm,
      },
      config: { public: true, frameAncestorsFromRoute: true },
    },
    async (request, reply) => {
      const play = await service.choose(request.params.token, request.body.choiceId);
      return reply
        .header('content-security-policy', playerCsp(play.platformOrigins))
        .redirect(playerUrl(request.params.token), 303);
    },
  );

  app.get(
    '/api/training/lti/platforms',
    {
      schema: {
        tags,
        summary: 'Registered learning platforms and the URLs to enter in them',
        response: { 200: contracts.LtiPlatformListResponse, ...errors },
      },
    },
    async (request) => {
      const rows = await service.listPlatforms(requireActor(request));
      const base = service.launchUrl.replace(/\/launch$/, '');
      return {
        platforms: rows.map(presentPlatform),
        tool: { loginUrl: `${base}/login`, launchUrl: service.launchUrl, jwksUrl: `${base}/jwks` },
      };
    },
  );

  app.post(
    '/api/training/lti/platforms',
    {
      schema: {
        tags,
        summary: 'Register a learning platform (issuer, client id, deployments, endpoints)',
        body: contracts.LtiPlatformRequest,
        response: { 200: contracts.LtiPlatformView, ...errors },
      },
    },
    async (request) => presentPlatform(await service.registerPlatform(requireActor(request), request.body)),
  );

  app.delete(
    '/api/training/lti/platforms/:platformId',
    {
      schema: {
        tags,
        summary: 'Remove a platform registration (its launches stop working)',
        params: contracts.LtiPlatformParams,
        response: { 200: contracts.LtiOkResponse, ...errors },
      },
    },
    async (request) => {
      await service.removePlatform(requireActor(request), request.params.platformId);
      return { ok: true as const };
    },
  );
};
