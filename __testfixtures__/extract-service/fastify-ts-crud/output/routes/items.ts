import type { FastifyInstance } from 'fastify';
import { removeItem } from '../items';
import { ItemsService } from '../services/items.service';
import { sendDomainError } from './error-responses';

const itemsService = new ItemsService();

export async function itemRoutes(app: FastifyInstance) {
  // reply.code().send() as a statement that ends its path, and a returned value on success
  app.get('/items/:id', async (request, reply) => {
    const id = Number(request.params.id);
    try {
      return await itemsService.getItem({ id });
    } catch (err) {
      if (!sendDomainError(reply, err)) throw err;
    }
  });

  // route({...}): a returned 400 and 409, and a 201 with a Location header that needs only the request
  app.route({
    method: 'POST',
    url: '/items',
    handler: async (request, reply) => {
      const { name } = request.body;
      try {
        const result = await itemsService.createItem({ name });
        return reply.code(201).header('Location', '/api/items/' + name).send(result);
      } catch (err) {
        if (sendDomainError(reply, err)) return reply;
        throw err;
      }
    },
  });

  // a 404 answered as plain text while GET answers it with { message }: left alone (error-shape-differs)
  app.delete('/items/:id', async (request, reply) => {
    const removed = await removeItem(Number(request.params.id));
    if (!removed) return reply.code(404).send('no such item');
    return reply.code(204).send();
  });
}
