import { Router } from 'express';
import { applyCoupon } from './routes/coupons';

export const router = Router();
router.put('/rest/basket/:id/coupon/:coupon', applyCoupon());
