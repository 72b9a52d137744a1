// Every domain's routes, registered in one list. Add a domain with one line.
import type { FastifyInstance } from 'fastify';
import { healthRoutes } from './health.routes';
import { identityRoutes } from './identity.routes';
import { auditRoutes } from './audit.routes';
import { platformRoutes } from './platform.routes';
import { casesRoutes } from './cases.routes';
import { evidenceRoutes } from './evidence.routes';
import { entitiesRoutes } from './entities.routes';
import { searchRoutes } from './search.routes';
import { victimsRoutes } from './victims.routes';
import { recruitmentRoutes } from './recruitment.routes';
import { cryptoRoutes } from './crypto.routes';
import { cooperationRoutes } from './cooperation.routes';
import { trainingRoutes } from './training.routes';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await app.register(identityRoutes);
  await app.register(auditRoutes);
  await app.register(platformRoutes);
  await app.register(casesRoutes);
  await app.register(evidenceRoutes);
  await app.register(entitiesRoutes);
  await app.register(searchRoutes);
  await app.register(victimsRoutes);
  await app.register(recruitmentRoutes);
  await app.register(cryptoRoutes);
  await app.register(cooperationRoutes);
  await app.register(trainingRoutes);
}
