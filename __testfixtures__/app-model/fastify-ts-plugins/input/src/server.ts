import Fastify from 'fastify';
import usersPlugin from './users';

const fastify = Fastify();

fastify.get('/health', async () => ({ ok: true }));
fastify.route({
  method: ['GET', 'HEAD'],
  url: '/version',
  handler: async (_request, reply) => {
    reply.header('cache-control', 'no-store').send({ version: 1 });
  },
});
fastify.register(usersPlugin, { prefix: '/users' });

export default fastify;
