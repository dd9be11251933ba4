import type { FastifyInstance } from 'fastify';
import { priceOf, type Line } from '../cart';

// Fastify: reply.code().send() and a returned value (which Fastify sends) both become recorded responses.
export async function cartRoutes(app: FastifyInstance) {
  app.post('/cart/total', async (request, reply) => {
    const lines: Line[] = request.body.lines;
    let total = 0;
    for (const line of lines) {
      const price = await priceOf(line.sku);
      if (price === undefined) return reply.code(422).send({ error: 'unknown sku ' + line.sku });
      total += price * line.qty;
    }
    return { total };
  });
}
