import { Request, Response } from 'express';

export function getOrder(req: Request, res: Response) {
  const id = Number(req.params.orderId);
  res.json({ id });
}

export const updateOrder = async (req: Request, res: Response) => {
  const status: 'open' | 'shipped' = req.body.status;
  const note = req.body.note ?? '';
  res.json({ id: req.params.orderId, status, note: note.trim() });
};
