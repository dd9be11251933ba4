// Business logic of routes/cart.ts, moved out of its route handlers by remodel extract-service.
import { priceOf, type Line } from '../cart.js';
import { respond } from './http-result.js';

export interface PostCartTotalInput {
  lines: Line[];
}

export class CartService {
  /**
   * POST /cart/total (routes/cart.ts)
   */
  async postCartTotal(input: PostCartTotalInput) {
    const { lines } = input;
    let total = 0;
    for (const line of lines) {
      const price = await priceOf(line.sku);
      if (price === undefined) return respond().code(422).send({ error: 'unknown sku ' + line.sku });
      total += price * line.qty;
    }
    return respond().send({ total });
  }
}
