import fastify from 'fastify';

const app = fastify();

app.post('/events', async (request, reply) => {
  const body = request.body as any;
  const when: number = body.at;
  reply.code(202);
  return { name: String(body.name), when };
});

export default app;
