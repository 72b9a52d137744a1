// The acting user of a request. The identity plugin (plugins/authentication.ts) fills request.actor from the
// session cookie or the API token; routes call requireActor() and pass the actor to core services.
import type { FastifyRequest } from 'fastify';
import { unauthenticated, type Actor } from '@trag/core/shared';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated('not_logged_in', 'Log in to continue.');
  return request.actor;
}
