import { Router } from 'express';
import { getOrder, updateOrder } from '../controllers/orders.controller';

export const ordersRouter = Router();

// Handlers passed by name from another module.
ordersRouter.get('/orders/:orderId', getOrder);
ordersRouter.patch('/orders/:orderId', updateOrder);
