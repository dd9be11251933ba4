// Business logic of routes/pets.js, moved out of its route handlers by remodel extract-service.
var User = require('../users');

class FirstService {
  /**
   * GET /first (routes/pets.js)
   */
  async getFirst() {
    var users = await new Promise(function (resolve, reject) { User.all(function (error, value) { if (error) reject(error); else resolve(value); }); });
    var first = users[0];
    return first;
  }
}

module.exports = { FirstService };
