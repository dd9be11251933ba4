import type { Request, Response } from 'express';
import { db } from '../db';

export default function createOrder(req: Request, res: Response) {
  db.orders.insert(req.body).then((order) => res.status(201).json(order));
}

export function listOrders(req: Request, res: Response) {
  const limit = Number(req.query.limit ?? 10);
  res.json(db.orders.all().slice(0, limit));
}
