// Business logic of routes/labels.js, moved out of its route handlers by remodel extract-service.
var mongoose = require('mongoose');
var { NotFoundError } = require('./errors');

var Label = mongoose.model('Label');

/** @typedef {{ id: any }} GetLabelInput */

class LabelsService {
  /**
   * GET /labels/:id (routes/labels.js)
   * @param {GetLabelInput} input
   */
  async getLabel(input) {
    const { id } = input;
    var label = await Label.findById(Number(id));
    if (!label) throw new NotFoundError('no label');
    return { text: label.text.toUpperCase() };
  }
}

module.exports = { LabelsService };
