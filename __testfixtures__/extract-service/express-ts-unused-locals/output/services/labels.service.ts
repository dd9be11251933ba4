// Business logic of routes/labels.ts, moved out of its route handlers by remodel extract-service.
import { find, type Row } from '../db';
import { NotFoundError } from './errors';

// An overloaded helper moves whole: its signatures and its implementation.
function label(r: Row): string;
function label(r: Row, suffix: string): string;
function label(r: Row, suffix?: string): string {
  return r.name.toUpperCase() + (suffix ?? '');
}

export interface GetLabelLabelInput {
  id: string;
}

export class LabelsService {
  /**
   * GET /:id/label (routes/labels.ts)
   */
  async getLabelLabel(input: GetLabelLabelInput) {
    const { id } = input;
    const row = await find(Number(id));
    if (!row) throw new NotFoundError('none');
    return { label: label(row, '!') };
  }
}
