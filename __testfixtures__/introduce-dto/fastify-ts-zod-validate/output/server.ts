import fastify from 'fastify';
import { CreateEventBody } from './server.dto';

const app = fastify();

app.post<{ Body: CreateEventBody }>('/events', async (request, reply) => {
  const bodyCheck = CreateEventBody.safeParse(request.body);
  if (!bodyCheck.success) {
    return reply.code(400).send({ error: 'Invalid request body', issues: bodyCheck.error.issues });
  }
  const body = request.body as any;
  const when: number = body.at;
  reply.code(202);
  return { name: String(body.name), when };
});

export default app;
