import type { FastifyInstance } from 'fastify';
import { type Line } from '../cart';
import { CartService } from '../services/cart.service';
import { sendDomainError } from './error-responses';

const cartService = new CartService();

// Fastify: reply.code().send() and a returned value (which Fastify sends) both become recorded responses.
export async function cartRoutes(app: FastifyInstance) {
  app.post('/cart/total', async (request, reply) => {
    const lines: Line[] = request.body.lines;
    try {
      return await cartService.createCartTotal({ lines });
    } catch (err) {
      if (sendDomainError(reply, err)) return reply;
      throw err;
    }
  });
}
