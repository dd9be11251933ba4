import { type Request, type Response, type NextFunction } from 'express';
import { discountOf, findBasket } from '../db';

// `coupon` is declared wider than its initializer: the checker narrows it there, and the logic relies on that
// (discountOf takes no null) before assigning null. The service declares it the same way.
export function applyCoupon() {
  return async ({ params }: Request, res: Response, next: NextFunction) => {
    try {
      const id = Number(params.id);
      let coupon: string | undefined | null = params.coupon ? decodeURIComponent(params.coupon) : undefined;
      const discount = discountOf(coupon);
      coupon = discount ? coupon : null;
      const basket = await findBasket(id);
      if (!basket) {
        next(new Error(`Basket with id=${id} does not exist.`));
        return;
      }
      basket.coupon = coupon ?? null;
      res.json({ discount });
    } catch (error) {
      next(error);
    }
  };
}
