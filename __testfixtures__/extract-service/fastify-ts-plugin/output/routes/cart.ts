import type { FastifyInstance } from 'fastify';
import { priceOf, type Line } from '../cart';
import { TotalsService } from '../services/totals.service.js';
import { sendDomainError } from './error-responses.js';

const totalsService = new TotalsService();

// Fastify: reply.code().send() and a returned value (which Fastify sends) both become recorded responses.
export async function cartRoutes(app: FastifyInstance) {
  app.post('/cart/total', async (request, reply) => {
    const lines: Line[] = request.body.lines;
    try {
      return await totalsService.createTotal({ lines });
    } catch (err) {
      if (sendDomainError(reply, err)) return reply;
      throw err;
    }
  });
}
