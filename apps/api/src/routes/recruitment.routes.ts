// Recruitment analysis routes. The public offer checker needs no login and stores nothing (not even in logs:
// the text is never logged); it is rate-limited per client address.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { platform, recruitment as contracts } from '@trag/contracts';
import { OfferCheckService } from '@trag/core/recruitment';

export const recruitmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const offers = new OfferCheckService();
  app.post(
    '/api/public/offer-check',
    {
      schema: {
        tags: ['recruitment'],
        summary: 'Check one job offer for red flags (public, nothing stored)',
        body: contracts.OfferCheckRequest,
        response: {
          200: contracts.OfferCheckResponse,
          400: platform.ErrorResponse,
          413: platform.ErrorResponse,
          429: platform.ErrorResponse,
        },
      },
      config: { public: true },
    },
    async (request) => offers.check({ text: request.body.text, clientKey: request.ip ?? 'unknown' }),
  );
};
