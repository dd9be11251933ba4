// Business logic of routes/notes.js, moved out of its route handlers by remodel extract-service.
const store = require('../lib/store');
const { ValidationError } = require('./errors');

/** @typedef {{ text: any }} CreateDraftInput */

class DraftService {
  /**
   * POST /draft (routes/notes.js)
   * @param {CreateDraftInput} input2
   */
  async createDraft(input2) {
    const { text } = input2;
    const input = { text, draft: true };
    if (!input.text) throw new ValidationError('text is required');
    const note = await store.save(input);
    return note;
  }
}

module.exports = { DraftService };
