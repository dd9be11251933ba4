// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
const sqlclient = require('sqlclient');
const { NotFoundError, ValidationError } = require('./errors');

const db = sqlclient.connect();

/** @typedef {{ id: any }} GetUserInput */

/** @typedef {{ name: any }} CreateUserInput */

class UsersService {
  /**
   * GET /:id (routes/users.js)
   * @param {GetUserInput} input
   */
  async getUser(input) {
    const { id } = input;
    const rows = await new Promise(function (resolve, reject) { db.query('SELECT * FROM users WHERE id = ?', [id], function (error, value) { if (error) reject(error); else resolve(value); }); });
    if (!rows) throw new NotFoundError('no such user');
    return rows;
  }

  /**
   * POST / (routes/users.js)
   * @param {CreateUserInput} input
   */
  async createUser(input) {
    var { name } = input;
    if (!name) throw new ValidationError('name is required');
    const result = await new Promise(function (resolve, reject) { db.query('INSERT INTO users (name) VALUES (?)', [name], function (error, value) { if (error) reject(error); else resolve(value); }); });
    return result;
  }

  /**
   * GET / (routes/users.js)
   */
  async listUsers() {
    const row = await new Promise(function (resolve, reject) { db.lookup('SELECT * FROM users LIMIT 1', function (error, value) { if (error) reject(error); else resolve(value); }); });
    return row;
  }
}

module.exports = { UsersService, db };
