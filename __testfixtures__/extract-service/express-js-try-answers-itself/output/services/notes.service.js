// Business logic of routes/notes.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { UnprocessableError, ValidationError } = require('./errors');

/** @typedef {{ title: any, owner: any }} CreateNoteInput */

/** @typedef {{ min: any }} GetNotesCountInput */

/** @typedef {{ label: "a note" | "note", id: any }} GetNoteInput */

/** @typedef {{ id: any, fallback: "untitled" }} GetNoteTitleInput */

class NotesService {
  /**
   * POST /notes (routes/notes.js)
   * @param {CreateNoteInput} input
   */
  async createNote(input) {
    const { title, owner } = input;
    if (!title) {
      throw new ValidationError('title is required');
    }
    const note = await db.insert({ title: title.trim(), owner: owner || 'ann' });
    return note;
  }

  /**
   * GET /notes/count (routes/notes.js)
   * @param {GetNotesCountInput} input
   */
  getNotesCount(input) {
    const { min } = input;
    if (min === 'none') {
      throw new UnprocessableError('min must be a number');
    }
    const count = [1, 2, 3].filter((n) => n >= Number(min)).length;
    return { count: count };
  }

  /**
   * GET /notes/:id (routes/notes.js)
   * @param {GetNoteInput} input
   */
  async getNote(input) {
    const { label, id } = input;
    const note = await db.find(Number(id));
    return { label: label, note: note };
  }

  /**
   * GET /notes/:id/title (routes/notes.js)
   * @param {GetNoteTitleInput} input
   */
  async getNoteTitle(input) {
    const { id, fallback } = input;
    const note = await db.find(Number(id));
    return { title: note ? note.title : fallback };
  }
}

module.exports = { NotesService };
