// Business logic of app.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: any }} ListLabelsInput */

class LabelsService {
  /**
   * GET /items/:id/label (app.js)
   * @param {ListLabelsInput} input
   */
  async listLabels(input) {
    const { id } = input;
    const item = await db.update(Number(id), {});
    const label = item ? item.label : 'none';
    return label;
  }
}

module.exports = { LabelsService };
