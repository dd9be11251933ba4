// Business logic of routes/rows.ts, moved out of its route handlers by remodel extract-service.
import { ConflictError } from './errors';

export interface GetRowInput {
  row: import('../db').Row;
}

export class RowsService {
  /**
   * GET /rows/:id (routes/rows.ts)
   */
  getRow(input: GetRowInput) {
    const { row } = input;
    if (!row.email) throw new ConflictError('no email');
    return { upper: row.email.toUpperCase() };
  }
}
