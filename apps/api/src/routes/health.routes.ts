import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { platform } from '@trag/contracts';
import { pingDatabase } from '@trag/db';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database engine',
        response: { 200: platform.HealthResponse },
      },
      config: { public: true },
    },
    async () => {
      await pingDatabase(app.trag.core.database);
      return {
        status: 'ok' as const,
        database: app.trag.core.database.dialect,
        version: app.trag.version,
        demo: app.trag.config.demo,
      };
    },
  );
};
