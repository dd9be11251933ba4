// Business logic of api/tests/index.js, moved out of its route handlers by remodel extract-service.
const db = require('../../../db');
const { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetLabTestInput */

class LabTestsService {
  /**
   * GET /lab-tests/:id (api/tests/index.js)
   * @param {GetLabTestInput} input
   */
  async getLabTest(input) {
    const { id } = input;
    const test = await db.find(id);
    if (!test) throw new NotFoundError('no such test');
    return test;
  }
}

module.exports = { LabTestsService };
