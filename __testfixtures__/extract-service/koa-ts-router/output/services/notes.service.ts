// Business logic of routes/notes.ts, moved out of its route handlers by remodel extract-service.
import { getNote } from '../notes';
import { NotFoundError } from './errors';

export interface GetNoteInput {
  id: number;
}

export class NotesService {
  /**
   * GET /notes/:id (routes/notes.ts)
   */
  async getNote(input: GetNoteInput) {
    const { id } = input;
    const text = await getNote(id);
    if (!text) {
      throw new NotFoundError('no note ' + id);
    }
    return { id, text };
  }
}
