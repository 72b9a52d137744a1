import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route may be framed by the origins its own Content-Security-Policy names in frame-ancestors (the LTI
     * player inside an LMS). Without that header (e.g. an error) the response stays DENY like every other.
     */
    frameAncestorsFromRoute?: boolean;
  }
}

// Conservative headers for a confidential application: no framing, no sniffing, no referrer leaks, and a CSP that
// only allows our own scripts (the web build has no inline scripts).
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    const framed =
      request.routeOptions.config.frameAncestorsFromRoute === true &&
      String(reply.getHeader('Content-Security-Policy') ?? '').includes('frame-ancestors ');
    if (!framed) reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (!reply.hasHeader('Content-Security-Policy')) {
      const docs = request.url.startsWith('/api/docs');
      reply.header(
        'Content-Security-Policy',
        docs
          ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'"
          : "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
      );
    }
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
