// Business logic of routes/pets.js, moved out of its route handlers by remodel extract-service.
var User = require('../users');
var { NotFoundError } = require('./errors');

/** @typedef {{ title: any }} ListPetsInput */

/** @typedef {{ name: any }} DeletePetInput */

class PetsService {
  /**
   * GET / (routes/pets.js)
   * @param {ListPetsInput} input
   */
  async listPets(input) {
    var { title } = input;
    var count = await new Promise(function (resolve, reject) { User.count(function (error, value) { if (error) reject(error); else resolve(value); }); });
    if (!count) throw new NotFoundError('no pets');
    var users = await new Promise(function (resolve, reject) { User.all(function (error, value) { if (error) reject(error); else resolve(value); }); });
    return {
      title: title,
      count: count,
      users: users
    };
  }

  /**
   * DELETE /:name (routes/pets.js)
   * @param {DeletePetInput} input
   */
  async deletePet(input) {
    var { name } = input;
    var removed = await new Promise(function (resolve, reject) { User.remove(name, function (error, value) { if (error) reject(error); else resolve(value); }); });
    if (!removed) throw new NotFoundError('no pets');
  }
}

module.exports = { PetsService };
