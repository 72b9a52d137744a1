// Training routes: rules catalogue, scenario library (copy, edit, check, publish), sessions (create, live progress,
// pause/release, debrief, CSV) and attempts (join, play, xAPI statements). Training never touches cases.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { platform, training as contracts } from '@trag/contracts';
import {
  TrainingService,
  checkScenario,
  compileInk,
  iloIndicatorIds,
  loadRulesCatalogue,
  lrsConfigFromEnv,
  mayAuthor,
  presentAttempt,
  presentScenarioDetail,
  presentScenarioSummary,
  presentSession,
} from '@trag/core/training';
import { forbidden } from '@trag/core/shared';
import { requireActor } from '../plugins/request-actor';
import { trainingExerciseRoutes } from './training/exercises.routes';
import { trainingLtiRoutes } from './training/lti.routes';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
  409: platform.ErrorResponse,
};
const tags = ['training'];

export const trainingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new TrainingService(app.trag.core, { lrs: lrsConfigFromEnv() });
  await app.register(trainingExerciseRoutes, { training: service });
  await app.register(trainingLtiRoutes);

  app.get(
    '/api/training/rules',
    {
      schema: {
        tags,
        summary: 'The interview rules catalogue with sources',
        response: { 200: contracts.RulesResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      const catalogue = loadRulesCatalogue();
      return { version: catalogue.version, sources: catalogue.sources, rules: [...catalogue.rules.values()] };
    },
  );

  app.get(
    '/api/training/scenarios',
    {
      schema: {
        tags,
        summary: 'Published scenarios and my drafts',
        response: { 200: contracts.ScenarioListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await service.listScenarios(actor);
      return { scenarios: rows.map((r) => presentScenarioSummary(r, actor.userId)) };
    },
  );

  app.get(
    '/api/training/scenarios/:scenarioId',
    {
      schema: {
        tags,
        summary: 'A scenario with its ink sources',
        params: contracts.ScenarioParams,
        response: { 200: contracts.ScenarioDetail, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentScenarioDetail(await service.getScenario(actor, request.params.scenarioId), actor.userId);
    },
  );

  app.post(
    '/api/training/check',
    {
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Compile (live editing) or fully check ink sources',
        body: contracts.CheckRequest,
        response: { 200: contracts.CheckResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!mayAuthor(actor)) throw forbidden('training_trainer_only', 'Only trainers can author scenarios.');
      const { sources, mode } = request.body;
      if (mode !== 'full') {
        const languages = Object.entries(sources).map(([language, source]) => {
          const r = compileInk(source);
          return { language, compiled: r.ok, messages: r.messages, knots: [] as string[], choices: [] };
        });
        const findings = languages.flatMap((l) =>
          l.messages
            .filter((m) => m.severity === 'error')
            .map((m) => ({ code: 'compile_error', language: l.language, line: m.line, message: m.message })),
        );
        return { ok: findings.length === 0, findings, languages, rules: [], indicators: [] };
      }
      const result = checkScenario(sources, loadRulesCatalogue(), { indicatorIds: iloIndicatorIds() });
      return {
        ...result,
        languages: result.languages.map((l) => ({
          language: l.language,
          compiled: l.compiled,
          messages: l.messages,
          knots: l.knots,
          choices: l.choices.map((c) => ({
            choiceId: c.choiceId,
            knot: c.knot,
            text: c.text,
            rule: c.tags.rule,
            score: c.tags.score,
            indicators: c.tags.indicators,
          })),
        })),
      };
    },
  );

  app.post(
    '/api/training/scenarios/:scenarioId/copy',
    {
      schema: {
        tags,
        summary: 'Copy a scenario to adapt it (new draft)',
        params: contracts.ScenarioParams,
        body: contracts.CopyScenarioRequest,
        response: { 200: contracts.ScenarioDetail, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await service.copyScenario(actor, request.params.scenarioId, request.body);
      return presentScenarioDetail(row, actor.userId);
    },
  );

  app.patch(
    '/api/training/scenarios/:scenarioId',
    {
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Edit my draft (sources per language, titles, country)',
        params: contracts.ScenarioParams,
        body: contracts.UpdateScenarioRequest,
        response: { 200: contracts.ScenarioDetail, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await service.updateScenario(actor, request.params.scenarioId, request.body);
      return presentScenarioDetail(row, actor.userId);
    },
  );

  app.post(
    '/api/training/scenarios/:scenarioId/publish',
    {
      schema: {
        tags,
        summary: 'Check my draft and publish it for other trainers',
        params: contracts.ScenarioParams,
        response: { 200: contracts.ScenarioDetail, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { scenario } = await service.publishScenario(actor, request.params.scenarioId);
      return presentScenarioDetail(scenario, actor.userId);
    },
  );

  app.get(
    '/api/training/scenarios/:scenarioId/scorm.zip',
    {
      schema: {
        tags,
        summary: 'SCORM 1.2 package of a published scenario in one language',
        params: contracts.ScenarioParams,
        querystring: contracts.ScormQuery,
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const zip = await service.scormPackage(requireActor(request), request.params.scenarioId, request.query.language);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', 'attachment; filename="trag-scenario-scorm12.zip"')
        .send(zip);
    },
  );

  app.get(
    '/api/training/sessions',
    { schema: { tags, summary: 'My training sessions', response: { 200: contracts.SessionListResponse, ...errors } } },
    async (request) => ({ sessions: (await service.listSessions(requireActor(request))).map(presentSession) }),
  );

  app.post(
    '/api/training/sessions',
    {
      schema: {
        tags,
        summary: 'Create a session (group, scenarios, language); trainees join with its code',
        body: contracts.CreateSessionRequest,
        response: { 200: contracts.SessionView, ...errors },
      },
    },
    async (request) => presentSession(await service.createSession(requireActor(request), request.body)),
  );

  app.patch(
    '/api/training/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Pause, continue, close, or release steps up to a number',
        params: contracts.SessionParams,
        body: contracts.UpdateSessionRequest,
        response: { 200: contracts.SessionView, ...errors },
      },
    },
    async (request) =>
      presentSession(await service.setSessionState(requireActor(request), request.params.sessionId, request.body)),
  );

  app.get(
    '/api/training/sessions/:sessionId/progress',
    {
      schema: {
        tags,
        summary: 'Live progress: who is where, scores, critical violations (re-read on training.session events)',
        params: contracts.SessionParams,
        response: { 200: contracts.ProgressResponse, ...errors },
      },
    },
    async (request) => {
      const { session, entries } = await service.progress(requireActor(request), request.params.sessionId);
      return { session: presentSession(session), entries };
    },
  );

  app.get(
    '/api/training/sessions/:sessionId/debrief',
    {
      schema: {
        tags,
        summary: "The group's choices per decision point",
        params: contracts.SessionParams,
        response: { 200: contracts.DebriefResponse, ...errors },
      },
    },
    async (request) => ({ scenarios: await service.debrief(requireActor(request), request.params.sessionId) }),
  );

  app.get(
    '/api/training/sessions/:sessionId/results.csv',
    { schema: { tags, summary: 'Results as CSV', params: contracts.SessionParams, produces: ['text/csv'] } },
    async (request, reply) => {
      const csv = await service.exportCsv(requireActor(request), request.params.sessionId);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="training-results.csv"')
        .send('\uFEFF' + csv);
    },
  );

  app.get(
    '/api/training/sessions/:sessionId/summary.pdf',
    {
      schema: {
        tags,
        summary: 'PDF summary of the session',
        params: contracts.SessionParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await service.summaryPdf(requireActor(request), request.params.sessionId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="training-summary.pdf"')
        .send(pdf);
    },
  );

  app.get(
    '/api/training/sessions/:sessionId/participants/:participantId/certificate.pdf',
    {
      schema: {
        tags,
        summary: 'Certificate (PDF) for a participant who finished',
        params: contracts.CertificateParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { sessionId, participantId } = request.params;
      const pdf = await service.certificatePdf(requireActor(request), sessionId, participantId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="training-certificate.pdf"')
        .send(pdf);
    },
  );

  app.post(
    '/api/training/join',
    {
      schema: {
        tags,
        summary: 'Join a session with its short code',
        body: contracts.JoinRequest,
        response: { 200: contracts.JoinResponse, ...errors },
      },
    },
    async (request) => {
      const { session, participant } = await service.join(
        requireActor(request),
        request.body.code,
        request.body.displayName,
      );
      return { session: presentSession(session), participantId: participant.id };
    },
  );

  app.post(
    '/api/training/attempts',
    {
      schema: {
        tags,
        summary: 'Start playing a scenario (alone, or in a joined session)',
        body: contracts.StartAttemptRequest,
        response: { 200: contracts.AttemptView, ...errors },
      },
    },
    async (request) => presentAttempt(await service.startAttempt(requireActor(request), request.body)),
  );

  app.get(
    '/api/training/attempts/:attemptId',
    {
      schema: {
        tags,
        summary: 'Where my attempt is (resume)',
        params: contracts.AttemptParams,
        response: { 200: contracts.AttemptView, ...errors },
      },
    },
    async (request) => presentAttempt(await service.getAttempt(requireActor(request), request.params.attemptId)),
  );

  app.post(
    '/api/training/attempts/:attemptId/choices',
    {
      schema: {
        tags,
        summary: 'Take a choice by its stable id',
        params: contracts.AttemptParams,
        body: contracts.ChooseRequest,
        response: { 200: contracts.AttemptView, ...errors },
      },
    },
    async (request) =>
      presentAttempt(await service.choose(requireActor(request), request.params.attemptId, request.body.choiceId)),
  );

  app.get(
    '/api/training/attempts/:attemptId/statements',
    {
      schema: {
        tags,
        summary: 'The xAPI statements recorded for my attempt',
        params: contracts.AttemptParams,
        response: { 200: contracts.StatementsResponse, ...errors },
      },
    },
    async (request) => ({ statements: await service.statements(requireActor(request), request.params.attemptId) }),
  );
};
