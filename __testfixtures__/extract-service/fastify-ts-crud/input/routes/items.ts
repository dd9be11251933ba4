import type { FastifyInstance } from 'fastify';
import { findByName, findItem, removeItem, saveItem } from '../items';

export async function itemRoutes(app: FastifyInstance) {
  // reply.code().send() as a statement that ends its path, and a returned value on success
  app.get('/items/:id', async (request, reply) => {
    const id = Number(request.params.id);
    const item = await findItem(id);
    if (!item) {
      reply.code(404).send({ message: 'no item ' + id });
      return;
    }
    return { item };
  });

  // route({...}): a returned 400 and 409, and a 201 with a Location header that needs only the request
  app.route({
    method: 'POST',
    url: '/items',
    handler: async (request, reply) => {
      const { name } = request.body;
      if (typeof name !== 'string' || !name.trim()) return reply.status(400).send({ message: 'name is required' });
      const existing = await findByName(name.trim());
      if (existing) return reply.code(409).send({ message: 'item exists', id: existing.id });
      const item = await saveItem(name.trim());
      return reply.code(201).header('Location', '/api/items/' + name).send(item);
    },
  });

  // a 404 answered as plain text while GET answers it with { message }: left alone (error-shape-differs)
  app.delete('/items/:id', async (request, reply) => {
    const removed = await removeItem(Number(request.params.id));
    if (!removed) return reply.code(404).send('no such item');
    return reply.code(204).send();
  });
}
