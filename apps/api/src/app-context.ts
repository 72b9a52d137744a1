import type { CoreContext } from '@trag/core/shared';
import type { ServerConfig } from './config';

/** Everything route plugins need, decorated on the Fastify instance as `app.trag`. */
export interface AppContext {
  core: CoreContext;
  config: ServerConfig;
  version: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    trag: AppContext;
  }
}
