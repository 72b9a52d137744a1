// buildApp assembles the HTTP application from a core context; main.ts and the tests both use it.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { CoreContext } from '@trag/core/shared';
import type { AppContext } from './app-context';
import type { ServerConfig } from './config';
import { registerAuthentication } from './plugins/authentication';
import { registerErrorHandling } from './plugins/errors';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerWebStatic } from './plugins/web-static';
import { registerRoutes } from './routes';
import './plugins/request-actor';

export const VERSION = '0.1.0';

export interface BuildAppOptions {
  core: CoreContext;
  config: ServerConfig;
  logger?: boolean | { level: string };
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.config.trustProxy,
    ajv: {
      customOptions: {
        // Unknown fields are an error, not silently dropped: a typo must not look like success.
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const context: AppContext = { core: options.core, config: options.config, version: VERSION };
  app.decorate('trag', context);
  app.decorateRequest('actor', null);

  registerErrorHandling(app);
  registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Trag API',
        version: VERSION,
        description:
          'HTTP API of Trag. Authenticate with the session cookie (web UI; writes need the X-CSRF-Token header) or a personal API token (Authorization: Bearer …).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'trag_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  registerAuthentication(app);
  await registerRoutes(app);
  await registerWebStatic(app, options.config.webDist);
  return app;
}
