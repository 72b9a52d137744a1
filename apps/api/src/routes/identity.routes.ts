// The identity domain's routes: log in, own account, users, agencies.
import type { FastifyPluginAsync } from 'fastify';
import { agenciesRoutes } from './agencies.routes';
import { authRoutes } from './auth.routes';
import { usersRoutes } from './users.routes';

export const identityRoutes: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(agenciesRoutes);
};
