import type { FastifyInstance } from 'fastify';
import { priceOf, type Line } from '../cart';
import { CartService } from '../services/cart.service.js';
import { sendReply } from '../services/http-result.js';

const cartService = new CartService();

// Fastify: reply.code().send() and a returned value (which Fastify sends) both become recorded responses.
export async function cartRoutes(app: FastifyInstance) {
  app.post('/cart/total', async (request, reply) => {
    const lines: Line[] = request.body.lines;
    return sendReply(reply, await cartService.postCartTotal({ lines }));
  });
}
