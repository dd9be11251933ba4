// Business logic of routes/notes.ts, moved out of its route handlers by remodel extract-service.
import { addNote, findNote } from '../db';
import { NotFoundError, ValidationError } from './errors';

export interface GetNoteInput {
  id: string;
}

export interface CreateNoteInput {
  text: any;
}

export class NotesService {
  /**
   * GET /:id (routes/notes.ts)
   */
  async getNote(input: GetNoteInput) {
    const { id } = input;
    const note = await findNote(id);
    if (!note) {
      throw new NotFoundError('Note not found');
    }
    return note;
  }

  /**
   * POST / (routes/notes.ts)
   */
  async createNote(input: CreateNoteInput) {
    const { text } = input;
    if (typeof text !== 'string' || !text.trim()) {
      throw new ValidationError('A note needs text');
    }
    const note = await addNote(text.trim());
    return note;
  }
}
