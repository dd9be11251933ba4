import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

async function requireAdmin(request: FastifyRequest, reply: FastifyReply) {
  if (request.headers['x-admin'] !== 'yes') return reply.code(403).send({ error: 'forbidden' });
}

async function createUser(request: FastifyRequest<{ Body: { email: string } }>, reply: FastifyReply) {
  reply.code(201);
  return { email: request.body.email };
}

export default async function usersPlugin(app: FastifyInstance) {
  app.post('/', { preHandler: requireAdmin }, createUser);
  app.get('/:id', async (request: FastifyRequest<{ Params: { id: string } }>) => {
    return { id: request.params.id };
  });
}
