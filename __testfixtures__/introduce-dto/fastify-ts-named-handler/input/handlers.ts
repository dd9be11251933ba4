import type { FastifyReply, FastifyRequest } from 'fastify';

export async function renameProject(request: FastifyRequest, reply: FastifyReply) {
  const body = request.body as any;
  const name: string = body.name;
  return reply.send({ id: (request.params as any).projectId, name });
}
