// Business logic of routes/items.ts, moved out of its route handlers by remodel extract-service.
import { findByName, findItem, saveItem } from '../items';
import { ConflictError, NotFoundError, ValidationError } from './errors';

export interface GetItemInput {
  id: number;
}

export interface CreateItemInput {
  name: any;
}

export class ItemsService {
  /**
   * GET /api/items/:id (routes/items.ts)
   */
  async getItem(input: GetItemInput) {
    const { id } = input;
    const item = await findItem(id);
    if (!item) {
      throw new NotFoundError('no item ' + id);
    }
    return { item };
  }

  /**
   * POST /api/items (routes/items.ts)
   */
  async createItem(input: CreateItemInput) {
    const { name } = input;
    if (typeof name !== 'string' || !name.trim()) throw new ValidationError('name is required');
    const existing = await findByName(name.trim());
    if (existing) throw new ConflictError('item exists', { id: existing.id });
    const item = await saveItem(name.trim());
    return item;
  }
}
