// Business logic of src/http/prices.ts, moved out of its route handlers by remodel extract-service.
import { ValidationError } from './errors';

const VAT = 0.2;

export interface GetGrossInput {
  net: number;
}

export class GrossService {
  /**
   * GET /gross (src/http/prices.ts)
   */
  getGross(input: GetGrossInput) {
    const { net } = input;
    if (!Number.isFinite(net) || net < 0) throw new ValidationError('net must be a non-negative number');
    const gross = Math.round(net * (1 + VAT) * 100) / 100;
    return { net, gross };
  }
}
