// Business logic of routes/notes.js, moved out of its route handlers by remodel extract-service.
const input = require('../lib/input');
const store = require('../lib/store');

/** @typedef {{ text: any, tag: any }} CreateNoteInput */

class NotesService {
  /**
   * POST / (routes/notes.js)
   * @param {CreateNoteInput} input2
   */
  async createNote(input2) {
    const { text, tag } = input2;
    const note = await store.save({ text: input.clean(text), tag });
    return note;
  }
}

module.exports = { NotesService };
