import { type Request, type Response, type NextFunction } from 'express';
import { CouponsService } from '../services/coupons.service';

const couponsService = new CouponsService();

// `coupon` is declared wider than its initializer: the checker narrows it there, and the logic relies on that
// (discountOf takes no null) before assigning null. The service declares it the same way.
export function applyCoupon() {
  return async ({ params }: Request, res: Response, next: NextFunction) => {
    try {
      const id = Number(params.id);
      let coupon: string | undefined | null = params.coupon ? decodeURIComponent(params.coupon) : undefined;
      res.json(await couponsService.replaceCoupon({ id, coupon }));
    } catch (error) {
      next(error);
    }
  };
}
