import type { Order } from '../types';
import { db } from '../db';

export async function saveOrder(order: Order): Promise<void> {
  await db.insert(order);
}
