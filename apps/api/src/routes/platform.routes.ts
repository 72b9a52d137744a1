// Live events (server-sent events) and the caller's background jobs; also starts this process's job worker.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { platform as contracts } from '@trag/contracts';
import { CaseAccess } from '@trag/core/cases';
import {
  CachedMembership,
  closeEventBus,
  eventBusFor,
  JobService,
  JobWorker,
  mayReceiveEvent,
  registeredJobKinds,
} from '@trag/core/platform';
import { requireActor } from '../plugins/request-actor';

/** Comment line sent every so often so proxies keep the stream open and dead clients are noticed. */
export const SSE_KEEPALIVE_MS = 20_000;

export const platformRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.trag.core;
  // The bus holds a PostgreSQL connection for LISTEN: give it back before the database closes.
  app.addHook('onClose', async () => closeEventBus(core.database));
  // Open streams would keep the server from closing: end them first.
  const streams = new Set<() => void>();
  // This process's background-job worker, when some module has registered job kinds (registerJobHandler).
  let worker: JobWorker | null = null;
  app.addHook('onReady', async () => {
    if (registeredJobKinds().length === 0) return;
    worker = JobWorker.fromRegistry(core);
    await worker.start();
  });
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
    await worker?.stop();
  });

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['platform'],
        summary:
          'Live events as text/event-stream: only those the caller may see (case events: case members only). Each `data:` line is a LiveEventMessage.',
        querystring: contracts.EventsQuery,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const topics = request.query.topics.split(',');
      const membership = new CachedMembership(new CaseAccess(core));
      // Deliver in publication order even though each check is asynchronous.
      let queue = Promise.resolve();
      const send = (text: string) => {
        if (!reply.raw.destroyed) reply.raw.write(text);
      };
      const unsubscribe = await eventBusFor(core.database, core.clock).subscribe(topics, (event) => {
        queue = queue.then(async () => {
          if (!(await mayReceiveEvent(actor, event, membership).catch(() => false))) return;
          const message: contracts.LiveEventMessage = {
            id: event.id,
            topic: event.topic,
            at: event.at,
            caseId: event.caseId,
            data: event.data,
          };
          send(`id: ${event.id}\nevent: ${event.topic}\ndata: ${JSON.stringify(message)}\n\n`);
        });
      });
      reply.hijack();
      reply.raw.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
        'X-Content-Type-Options': 'nosniff',
      });
      send(`retry: 5000\n: subscribed to ${topics.join(',')}\n\n`);
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), SSE_KEEPALIVE_MS);
      const end = () => {
        if (!streams.delete(end)) return;
        clearInterval(keepAlive);
        unsubscribe();
        reply.raw.end();
      };
      streams.add(end);
      request.raw.on('close', end);
    },
  );

  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['platform'],
        summary: 'My background jobs, newest first',
        response: { 200: contracts.JobListResponse },
      },
    },
    async (request) => ({ items: await new JobService(core).listMine(requireActor(request)) }),
  );

  app.get(
    '/api/jobs/:jobId',
    {
      schema: {
        tags: ['platform'],
        summary: 'One of my background jobs: status and progress',
        params: contracts.JobParams,
        response: { 200: contracts.Job, 404: contracts.ErrorResponse },
      },
    },
    async (request) => new JobService(core).get(requireActor(request), request.params.jobId),
  );

  app.post(
    '/api/jobs/:jobId/cancel',
    {
      schema: {
        tags: ['platform'],
        summary: 'Cancel one of my jobs (a running job stops at its next heartbeat)',
        params: contracts.JobParams,
        response: { 200: contracts.Job, 404: contracts.ErrorResponse },
      },
    },
    async (request) => new JobService(core).cancel(requireActor(request), request.params.jobId),
  );
};
