// Business logic of routes/files.js, moved out of its route handlers by remodel extract-service.
const repo = require('../repo');
const { ForbiddenError, NotFoundError } = require('./errors');

/** @typedef {{ name: any }} GetFileInput */

class FilesService {
  /**
   * GET /:name (routes/files.js)
   * @param {GetFileInput} input
   */
  async getFile(input) {
    const { name } = input;
    if (name.startsWith('.')) throw new ForbiddenError();
    const file = await repo.read(name);
    if (!file) {
      throw new NotFoundError();
    }
    return file.text;
  }
}

module.exports = { FilesService };
