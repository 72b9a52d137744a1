import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web UI; unknown non-API paths fall back to index.html so client-side routes work on reload. */
export async function registerWebStatic(app: FastifyInstance, distDir: string | undefined): Promise<void> {
  if (!distDir || !existsSync(path.join(distDir, 'index.html'))) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('Trag API is running. The web UI is not built: run "npm run build".'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: ['index.html'] });
  app.get('/*', async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({
        error: { code: 'route_not_found', message: `No API route ${request.method} ${request.url.split('?')[0]}.` },
      });
    }
    return reply.sendFile('index.html');
  });
}
