// Business logic of routes/files.js, moved out of its route handlers by remodel extract-service.
const repo = require('../repo');
const { respond } = require('./http-result');

/** @typedef {{ name: any }} GetFileInput */

class FilesService {
  /**
   * GET /:name (routes/files.js)
   * @param {GetFileInput} input
   */
  async getFile(input) {
    const { name } = input;
    if (name.startsWith('.')) return respond().sendStatus(403);
    const file = await repo.read(name);
    if (!file) {
      return respond().status(404).end();
    }
    return respond().set('Content-Type', 'text/plain').send(file.text);
  }
}

module.exports = { FilesService };
