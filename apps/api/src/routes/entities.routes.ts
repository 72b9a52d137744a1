// Entities inside a case, links between them, and hits (the same identifier in other cases).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { cases as contracts, platform } from '@trag/contracts';
import { EntityService } from '@trag/core/cases';
import { requireActor } from '../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
  409: platform.ErrorResponse,
};

export const entitiesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = () => new EntityService(app.trag.core);

  app.get(
    '/api/cases/:id/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'Entities of a case, with how many other cases share each identifier',
        params: contracts.IdParams,
        querystring: contracts.EntityListQuery,
        response: { 200: contracts.EntityListResponse, ...errors },
      },
    },
    async (request) => service().list(requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/api/cases/:id/entities',
    {
      schema: {
        tags: ['entities'],
        summary:
          'Add an entity. Identifiers are normalised (E.164, e-mail, URL, IBAN, wallet …); an invalid one is a 400. ' +
          'An identifier already in the case returns the existing entity with 200.',
        params: contracts.IdParams,
        body: contracts.EntityCreateRequest,
        response: { 200: contracts.EntityCreateResponse, 201: contracts.EntityCreateResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await service().create(requireActor(request), request.params.id, request.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/entities/:id',
    {
      schema: {
        tags: ['entities'],
        summary:
          'One entity with its links and its occurrences in other cases: a link when I am a member there, ' +
          'otherwise only that it exists and which agency to contact',
        params: contracts.IdParams,
        response: { 200: contracts.EntityDetail, ...errors },
      },
    },
    async (request) => service().get(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/entities/:id',
    {
      schema: {
        tags: ['entities'],
        summary: "Edit an entity's label or attributes (the identifier itself cannot change: add a new entity)",
        params: contracts.IdParams,
        body: contracts.EntityUpdateRequest,
        response: { 200: contracts.Entity, ...errors },
      },
    },
    async (request) => service().update(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/entities/:id',
    {
      schema: {
        tags: ['entities'],
        summary: 'Delete an entity and its links',
        params: contracts.IdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await service().delete(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/cases/:id/links',
    {
      schema: {
        tags: ['entities'],
        summary: 'Links between the entities of a case (for the link graph)',
        params: contracts.IdParams,
        response: { 200: contracts.EntityLinkListResponse, ...errors },
      },
    },
    async (request) => service().listLinks(requireActor(request), request.params.id),
  );

  app.post(
    '/api/cases/:id/links',
    {
      schema: {
        tags: ['entities'],
        summary: 'Link two entities of the case (uses, paid, posted, recruited, employs …), recording the source',
        params: contracts.IdParams,
        body: contracts.EntityLinkCreateRequest,
        response: { 201: contracts.EntityLink, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service().createLink(requireActor(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/links/:id',
    {
      schema: {
        tags: ['entities'],
        summary: 'Delete a link',
        params: contracts.IdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await service().deleteLink(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
