import { Request, Response } from 'express';
import type { OrderParams, UpdateOrderBody } from './orders.dto';

export function getOrder(req: Request<OrderParams>, res: Response) {
  const id = Number(req.params.orderId);
  res.json({ id });
}

export const updateOrder = async (req: Request<OrderParams, unknown, UpdateOrderBody>, res: Response) => {
  const status: 'open' | 'shipped' = req.body.status;
  const note = req.body.note ?? '';
  res.json({ id: req.params.orderId, status, note: note.trim() });
};
