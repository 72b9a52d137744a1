// Cases, their members, notes and tasks, and the dashboard. Thin: schema → actor → service (which checks
// need-to-know membership and audits) → contract-shaped result.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { cases as contracts, platform } from '@trag/contracts';
import { CaseService } from '@trag/core/cases';
import { requireActor } from '../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
  409: platform.ErrorResponse,
};

export const casesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = () => new CaseService(app.trag.core);

  app.get(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'The cases I am a member of (directly or through my unit)',
        querystring: contracts.CaseListQuery,
        response: { 200: contracts.CaseListResponse, ...errors },
      },
    },
    async (request) => service().list(requireActor(request), request.query),
  );

  app.post(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Start a case; I become its lead. Without a reference, the next number of my agency is used.',
        body: contracts.CaseCreateRequest,
        response: { 201: contracts.CaseDetail, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service().create(requireActor(request), request.body)),
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'One case (members only; others get 404 as if it did not exist)',
        params: contracts.IdParams,
        response: { 200: contracts.CaseDetail, ...errors },
      },
    },
    async (request) => service().get(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Edit a case (members except observers; not while closed)',
        params: contracts.IdParams,
        body: contracts.CaseUpdateRequest,
        response: { 200: contracts.CaseDetail, ...errors },
      },
    },
    async (request) => service().update(requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/close',
    {
      schema: {
        tags: ['cases'],
        summary: 'Close a case (lead only)',
        params: contracts.IdParams,
        body: Type.Optional(contracts.CaseCloseRequest),
        response: { 200: contracts.CaseDetail, ...errors },
      },
    },
    async (request) => service().close(requireActor(request), request.params.id, request.body?.reason),
  );

  app.post(
    '/api/cases/:id/reopen',
    {
      schema: {
        tags: ['cases'],
        summary: 'Reopen a closed case (lead only)',
        params: contracts.IdParams,
        response: { 200: contracts.CaseDetail, ...errors },
      },
    },
    async (request) => service().reopen(requireActor(request), request.params.id),
  );

  app.get(
    '/api/cases/:id/activity',
    {
      schema: {
        tags: ['cases'],
        summary: 'Recent changes to a case (from the audit log)',
        params: contracts.IdParams,
        response: { 200: contracts.CaseActivityListResponse, ...errors },
      },
    },
    async (request) => service().activity(requireActor(request), request.params.id),
  );

  // ---- members ----

  app.get(
    '/api/cases/:id/members',
    {
      schema: {
        tags: ['cases'],
        summary: 'Members of a case: users and whole units, with their case roles',
        params: contracts.IdParams,
        response: { 200: contracts.CaseMemberListResponse, ...errors },
      },
    },
    async (request) => service().listMembers(requireActor(request), request.params.id),
  );

  app.post(
    '/api/cases/:id/members',
    {
      schema: {
        tags: ['cases'],
        summary: 'Add a user or a whole unit (of any agency) to a case (lead only)',
        params: contracts.IdParams,
        body: contracts.CaseMemberAddRequest,
        response: { 201: contracts.CaseMember, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service().addMember(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/cases/:id/members/:memberId',
    {
      schema: {
        tags: ['cases'],
        summary: "Change a member's case role (lead only; a case keeps at least one lead)",
        params: contracts.CaseMemberParams,
        body: contracts.CaseMemberUpdateRequest,
        response: { 200: contracts.CaseMember, ...errors },
      },
    },
    async (request) =>
      service().updateMember(requireActor(request), request.params.id, request.params.memberId, request.body.caseRole),
  );

  app.delete(
    '/api/cases/:id/members/:memberId',
    {
      schema: {
        tags: ['cases'],
        summary: 'Remove a member (lead only; a case keeps at least one lead)',
        params: contracts.CaseMemberParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await service().removeMember(requireActor(request), request.params.id, request.params.memberId);
      return reply.status(204).send(null);
    },
  );

  // ---- notes ----

  app.get(
    '/api/cases/:id/notes',
    {
      schema: {
        tags: ['cases'],
        summary: 'Notes of a case, newest first',
        params: contracts.IdParams,
        response: { 200: contracts.CaseNoteListResponse, ...errors },
      },
    },
    async (request) => service().listNotes(requireActor(request), request.params.id),
  );

  app.post(
    '/api/cases/:id/notes',
    {
      schema: {
        tags: ['cases'],
        summary: 'Add a markdown note to a case',
        params: contracts.IdParams,
        body: contracts.CaseNoteCreateRequest,
        response: { 201: contracts.CaseNote, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service().addNote(requireActor(request), request.params.id, request.body.body)),
  );

  // ---- tasks ----

  app.get(
    '/api/cases/:id/tasks',
    {
      schema: {
        tags: ['cases'],
        summary: 'Tasks of a case, open first, by due date',
        params: contracts.IdParams,
        response: { 200: contracts.CaseTaskListResponse, ...errors },
      },
    },
    async (request) => service().listTasks(requireActor(request), request.params.id),
  );

  app.post(
    '/api/cases/:id/tasks',
    {
      schema: {
        tags: ['cases'],
        summary: 'Add a task with an owner (a member of the case) and a due date',
        params: contracts.IdParams,
        body: contracts.CaseTaskCreateRequest,
        response: { 201: contracts.CaseTask, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service().addTask(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/tasks/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'One task',
        params: contracts.IdParams,
        response: { 200: contracts.CaseTask, ...errors },
      },
    },
    async (request) => service().getTask(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/tasks/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Edit, reassign or complete a task',
        params: contracts.IdParams,
        body: contracts.CaseTaskUpdateRequest,
        response: { 200: contracts.CaseTask, ...errors },
      },
    },
    async (request) => service().updateTask(requireActor(request), request.params.id, request.body),
  );

  // ---- dashboard ----

  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['cases'],
        summary: 'My open cases, my open tasks and recent activity on my cases',
        response: { 200: contracts.DashboardResponse, ...errors },
      },
    },
    async (request) => service().dashboard(requireActor(request)),
  );
};
