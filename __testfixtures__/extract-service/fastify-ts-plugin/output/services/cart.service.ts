// Business logic of routes/cart.ts, moved out of its route handlers by remodel extract-service.
import { priceOf, type Line } from '../cart';
import { UnprocessableError } from './errors';

export interface CreateCartTotalInput {
  lines: Line[];
}

export class CartService {
  /**
   * POST /cart/total (routes/cart.ts)
   */
  async createCartTotal(input: CreateCartTotalInput) {
    const { lines } = input;
    let total = 0;
    for (const line of lines) {
      const price = await priceOf(line.sku);
      if (price === undefined) throw new UnprocessableError('unknown sku ' + line.sku);
      total += price * line.qty;
    }
    return { total };
  }
}
