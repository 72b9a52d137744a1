// Full-text search over everything the user may open.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { platform, search as contracts } from '@trag/contracts';
import { SearchService } from '@trag/core/search';
import { requireActor } from '../plugins/request-actor';

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Search cases, entities, notes and tasks of my cases. Diacritics and Cyrillic/Latin spelling are ignored; ' +
          'quotes and operators are taken as plain text.',
        querystring: contracts.SearchQuery,
        response: { 200: contracts.SearchResponse, 400: platform.ErrorResponse, 401: platform.ErrorResponse },
      },
    },
    async (request) => new SearchService(app.trag.core).search(requireActor(request), request.query),
  );
};
