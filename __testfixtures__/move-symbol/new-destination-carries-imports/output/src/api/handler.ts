import { saveOrder } from '../services/order-service';
import type { Order } from '../types';

export async function handle(order: Order): Promise<string> {
  await saveOrder(order);
  return 'ok';
}
