import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProjectParams, UpdateProjectBody } from './handlers.dto';

export async function renameProject(request: FastifyRequest<{ Body: UpdateProjectBody; Params: ProjectParams }>, reply: FastifyReply) {
  const body = request.body as any;
  const name: string = body.name;
  return reply.send({ id: (request.params as any).projectId, name });
}
