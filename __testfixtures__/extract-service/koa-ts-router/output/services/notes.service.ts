// Business logic of routes/notes.ts, moved out of its route handlers by remodel extract-service.
import { getNote } from '../notes.js';
import { respond } from './http-result.js';

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
      return respond().status(404).body({ error: 'no note ' + id });
    }
    return respond().set('Cache-Control', 'no-store').body({ id, text });
  }
}
