import type { FastifyInstance } from 'fastify';
import { itemRoutes } from './routes/items';

export function build(app: FastifyInstance) {
  app.register(itemRoutes, { prefix: '/api' });
}
