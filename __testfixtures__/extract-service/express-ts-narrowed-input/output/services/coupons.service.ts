// Business logic of routes/coupons.ts, moved out of its route handlers by remodel extract-service.
import { discountOf, findBasket } from '../db';

export interface ReplaceCouponInput {
  id: number;
  coupon: string | undefined;
}

export class CouponsService {
  /**
   * PUT /rest/basket/:id/coupon/:coupon (routes/coupons.ts)
   */
  async replaceCoupon(input: ReplaceCouponInput) {
    const { id } = input;
    let coupon: string | undefined | null = input.coupon;
    const discount = discountOf(coupon);
    coupon = discount ? coupon : null;
    const basket = await findBasket(id);
    if (!basket) {
      throw new Error(`Basket with id=${id} does not exist.`);
    }
    basket.coupon = coupon ?? null;
    return { discount };
  }
}
