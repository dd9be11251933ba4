// Business logic of routes/files.js, moved out of its route handlers by remodel extract-service.
const repo = require('../repo');
const { ForbiddenError, GoneError, NotFoundError } = require('./errors');

/** @typedef {{ name: any }} GetFileInput */

/** @typedef {{ name: any }} DeleteFileInput */

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

  /**
   * DELETE /:name (routes/files.js)
   * @param {DeleteFileInput} input
   */
  async deleteFile(input) {
    const { name } = input;
    const file = await repo.read(name);
    if (!file) throw new GoneError();
    const size = file.text.length;
    return { removed: name, size };
  }
}

module.exports = { FilesService };
