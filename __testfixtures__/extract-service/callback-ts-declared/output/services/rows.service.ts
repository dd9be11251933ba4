// Business logic of routes/rows.ts, moved out of its route handlers by remodel extract-service.
import * as db from '../db.js';
import { NotFoundError, ValidationError } from './errors.js';

export interface GetRowInput {
  id: number;
}

export interface DeleteRowInput {
  id: number;
}

export class RowsService {
  /**
   * GET /:id (routes/rows.ts)
   */
  async getRow(input: GetRowInput) {
    const { id } = input;
    const row = await new Promise<db.Row | null>((resolve, reject) => db.findRow(id, (error: db.CallbackError, value: db.Row | null) => (error ? reject(error) : resolve(value))));
    if (!row) throw new NotFoundError('no row');
    return { id: row.id, name: row.name };
  }

  /**
   * DELETE /:id (routes/rows.ts)
   */
  async deleteRow(input: DeleteRowInput) {
    const { id } = input;
    if (!id) throw new ValidationError('bad id');
    await new Promise<void>((resolve, reject) => db.removeRow(id, (error) => (error ? reject(error) : resolve())));
  }
}
