import { db } from './db';
import type { Order } from './types';

export function orderTotal(order: Order): number {
  return order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
}

export async function saveOrder(order: Order): Promise<void> {
  await db.insert(order);
}
