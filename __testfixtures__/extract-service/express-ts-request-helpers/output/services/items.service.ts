// Business logic of routes/items.ts, moved out of its route handlers by remodel extract-service.
import { allItems, itemById } from '../lib/data';
import { NotFoundError } from './errors';

export interface ListItemsInput {
  isAdmin: () => boolean;
}

export interface GetItemInput {
  id: number;
  seen: (id: number) => boolean;
}

export class ItemsService {
  /**
   * GET /api/items (routes/items.ts)
   */
  async listItems(input: ListItemsInput) {
    const { isAdmin } = input;
    const items = await allItems();
    const out = [];
    for (const item of items) {
      out.push({ id: item.id, name: item.name, price: isAdmin() ? item.adminPrice : item.price });
    }
    return { status: 'success', data: out };
  }

  /**
   * GET /api/items/:id (routes/items.ts)
   */
  async getItem(input: GetItemInput) {
    const { id, seen } = input;
    const item = await itemById(id);
    if (!item) {
      throw new NotFoundError('no item ' + id);
    }
    const preview = seen(item.id);
    return { item, preview };
  }
}
