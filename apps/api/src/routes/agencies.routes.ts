// Agencies and units: everyone logged in may read them; an agency's administrators edit it.
// Creating agencies is an operator act (trag agency add), not an API route: see docs/security.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { identity as contracts, platform } from '@trag/contracts';
import { AgencyService } from '@trag/core/identity';
import { requireActor } from '../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
};

export const agenciesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = () => new AgencyService(app.trag.core);
  const tags = ['agencies'];

  app.get(
    '/api/agencies',
    { schema: { tags, summary: 'All agencies', response: { 200: contracts.AgencyListResponse, ...errors } } },
    async (request) => {
      requireActor(request);
      return { agencies: await service().list() };
    },
  );

  app.get(
    '/api/agencies/:id',
    {
      schema: {
        tags,
        summary: 'One agency',
        params: contracts.IdParams,
        response: { 200: contracts.AgencyResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return { agency: await service().get(request.params.id) };
    },
  );

  app.patch(
    '/api/agencies/:id',
    {
      schema: {
        tags,
        summary: "Rename, change the case reference prefix or require TOTP (the agency's administrators)",
        params: contracts.IdParams,
        body: contracts.UpdateAgencyRequest,
        response: { 200: contracts.AgencyResponse, ...errors },
      },
    },
    async (request) => ({ agency: await service().update(requireActor(request), request.params.id, request.body) }),
  );

  app.get(
    '/api/agencies/:id/units',
    {
      schema: {
        tags,
        summary: "An agency's units",
        params: contracts.IdParams,
        response: { 200: contracts.AgencyUnitListResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return { units: await service().listUnits(request.params.id) };
    },
  );

  app.post(
    '/api/agencies/:id/units',
    {
      schema: {
        tags,
        summary: "Add a unit to an agency (the agency's administrators)",
        params: contracts.IdParams,
        body: contracts.CreateAgencyUnitRequest,
        response: { 200: contracts.AgencyUnitResponse, ...errors, 409: platform.ErrorResponse },
      },
    },
    async (request) => ({
      unit: await service().createUnit(requireActor(request), request.params.id, request.body.name),
    }),
  );
};
