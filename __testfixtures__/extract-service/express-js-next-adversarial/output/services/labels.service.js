// Business logic of routes/more.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: any }} GetLabelInput */

class LabelsService {
  /**
   * GET /labels/:id (routes/more.js)
   * @param {GetLabelInput} input
   */
  getLabel(input) {
    const { id } = input;
    return db.find(Number(id))
      .then((item) => ({ label: item ? item.label.toUpperCase() : null }));
  }
}

module.exports = { LabelsService };
