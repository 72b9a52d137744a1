// Accounts: administrators manage their own agency's (/api/users); everyone may read the minimal directory.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { identity as contracts, platform } from '@trag/contracts';
import { UserService } from '@trag/core/identity';
import { requireActor } from '../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
};

export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = () => new UserService(app.trag.core);
  const tags = ['users'];

  app.get(
    '/api/users/directory',
    {
      schema: {
        tags,
        summary: 'Find active users of any agency by name (id, name, role, agency only)',
        querystring: contracts.DirectoryQuery,
        response: { 200: contracts.DirectoryResponse, ...errors },
      },
    },
    async (request) => ({
      users: await service().directory(requireActor(request), request.query.q, request.query.limit),
    }),
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: "Your agency's accounts (administrators and supervisors)",
        querystring: contracts.UserListQuery,
        response: { 200: contracts.UserListResponse, ...errors },
      },
    },
    async (request) => ({ users: await service().list(requireActor(request), request.query) }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account in your agency (administrators)',
        body: contracts.CreateUserRequest,
        response: { 200: contracts.UserResponse, ...errors, 409: platform.ErrorResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { user: await service().create(actor, { ...request.body, agencyId: actor.agencyId }) };
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'One account',
        params: contracts.IdParams,
        response: { 200: contracts.UserResponse, ...errors },
      },
    },
    async (request) => ({ user: await service().get(requireActor(request), request.params.id) }),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change name, e-mail, role, unit or language of an account (administrators)',
        params: contracts.IdParams,
        body: contracts.UpdateUserRequest,
        response: { 200: contracts.UserResponse, ...errors },
      },
    },
    async (request) => ({ user: await service().update(requireActor(request), request.params.id, request.body) }),
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/users/:id/${verb}`,
      {
        schema: {
          tags,
          summary: disabled ? 'Disable an account (ends its sessions)' : 'Enable an account (lifts a lockout)',
          params: contracts.IdParams,
          response: { 200: contracts.UserResponse, ...errors },
        },
      },
      async (request) => ({ user: await service().setDisabled(requireActor(request), request.params.id, disabled) }),
    );
  }

  app.post(
    '/api/users/:id/reset-totp',
    {
      schema: {
        tags,
        summary: 'Switch two-factor authentication off for a user who lost their device (ends their sessions)',
        params: contracts.IdParams,
        response: { 200: contracts.UserResponse, ...errors },
      },
    },
    async (request) => ({ user: await service().resetTotp(requireActor(request), request.params.id) }),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a new password for an account (ends its sessions, lifts a lockout)',
        params: contracts.IdParams,
        body: contracts.ResetPasswordRequest,
        response: { 200: contracts.UserResponse, ...errors },
      },
    },
    async (request) => ({
      user: await service().resetPassword(requireActor(request), request.params.id, request.body.newPassword),
    }),
  );
};
