// Hands-on exercise routes: a trainer adds sandbox exercises to a session and sees results; the session's trainees
// open the synthetic material, run the sandbox tools and submit answers. Nothing here reaches a case.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { platform, training as contracts } from '@trag/contracts';
import { ExerciseService, presentExercise, presentExerciseDetail, type TrainingService } from '@trag/core/training';
import { requireActor } from '../../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
  409: platform.ErrorResponse,
};
const tags = ['training'];

/** `training`: the training routes' service, whose LRS settings also forward the exercise statements. */
export const trainingExerciseRoutes: FastifyPluginAsyncTypebox<{ training: TrainingService }> = async (app, opts) => {
  const service = new ExerciseService(app.trag.core, { training: opts.training });

  app.post(
    '/api/training/sessions/:sessionId/exercises',
    {
      schema: {
        tags,
        summary: 'Add a hands-on exercise on sandbox data to a session',
        params: contracts.SessionParams,
        body: contracts.AddExerciseRequest,
        response: { 200: contracts.ExerciseView, ...errors },
      },
    },
    async (request) =>
      presentExercise(await service.addExercise(requireActor(request), request.params.sessionId, request.body)),
  );

  app.get(
    '/api/training/sessions/:sessionId/exercises',
    {
      schema: {
        tags,
        summary: 'The exercises of a session (its trainer and participants)',
        params: contracts.SessionParams,
        response: { 200: contracts.ExerciseListResponse, ...errors },
      },
    },
    async (request) => {
      const { exercises } = await service.listExercises(requireActor(request), request.params.sessionId);
      return { exercises: exercises.map(presentExercise) };
    },
  );

  app.get(
    '/api/training/sessions/:sessionId/exercise-results',
    {
      schema: {
        tags,
        summary: 'Each participant’s result per exercise (the trainer)',
        params: contracts.SessionParams,
        response: { 200: contracts.ExerciseResultsResponse, ...errors },
      },
    },
    async (request) => ({ results: await service.results(requireActor(request), request.params.sessionId) }),
  );

  app.get(
    '/api/training/exercises/:exerciseId',
    {
      schema: {
        tags,
        summary: 'An exercise with its synthetic material and my work',
        params: contracts.ExerciseParams,
        response: { 200: contracts.ExerciseDetail, ...errors },
      },
    },
    async (request) =>
      presentExerciseDetail(await service.getExercise(requireActor(request), request.params.exerciseId)),
  );

  app.post(
    '/api/training/exercises/:exerciseId/tools',
    {
      schema: {
        tags,
        summary: 'Run a Trag tool (templates, trace, collect and export, verify) on the sandbox material',
        params: contracts.ExerciseParams,
        body: contracts.ToolRequest,
        response: { 200: contracts.ToolResponse, ...errors },
      },
    },
    async (request) => service.runTool(requireActor(request), request.params.exerciseId, request.body),
  );

  app.get(
    '/api/training/exercises/:exerciseId/bundle.zip',
    {
      schema: {
        tags,
        summary: 'The sandbox evidence bundle I exported (synthetic)',
        params: contracts.ExerciseParams,
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const zip = await service.bundle(requireActor(request), request.params.exerciseId);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', 'attachment; filename="trag-training-sandbox-bundle.zip"')
        .send(zip);
    },
  );

  app.post(
    '/api/training/exercises/:exerciseId/answer',
    {
      schema: {
        tags,
        summary: 'Submit an answer; it is checked against the material’s seed',
        params: contracts.ExerciseParams,
        body: contracts.AnswerRequest,
        response: { 200: contracts.AnswerVerdict, ...errors },
      },
    },
    async (request) => service.submitAnswer(requireActor(request), request.params.exerciseId, request.body),
  );
};
