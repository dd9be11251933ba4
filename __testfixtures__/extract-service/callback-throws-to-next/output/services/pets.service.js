// Business logic of routes/pets.js, moved out of its route handlers by remodel extract-service.
var User = require('../users');

class PetsService {
  /**
   * GET / (routes/pets.js)
   */
  async listPets() {
    var count = await new Promise(function (resolve, reject) { User.count(function (error, value) { if (error) reject(error); else resolve(value); }); });
    var users = await new Promise(function (resolve, reject) { User.all(function (error, value) { if (error) reject(error); else resolve(value); }); });
    return { count, users };
  }
}

module.exports = { PetsService };
