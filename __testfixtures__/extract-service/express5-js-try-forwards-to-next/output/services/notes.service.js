// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { ValidationError } = require('./errors');

/** @typedef {{ kind: string, body: any }} CreateNoteInput */

class NotesService {
  /**
   * POST /notes (app.js)
   * @param {CreateNoteInput} input
   */
  async createNote(input) {
    const { kind, body } = input;
    const created = await db.create({ kind });
    const note = body.note;
    if (!note) throw new ValidationError('note required');
    return { id: created.id, note };
  }
}

module.exports = { NotesService };
