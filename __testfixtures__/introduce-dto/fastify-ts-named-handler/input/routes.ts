import type { FastifyInstance } from 'fastify';
import { renameProject } from './handlers';

export async function projectRoutes(app: FastifyInstance) {
  app.patch('/projects/:projectId', renameProject);
}
