// Business logic of routes/pets.js, moved out of its route handlers by remodel extract-service.
const User = require('../users');

class PetsService {
  /**
   * GET / (routes/pets.js)
   */
  async listPets() {
    const users = await new Promise((resolve, reject) => User.all((error, value) => (error ? reject(error) : resolve(value))));
    return users;
  }
}

module.exports = { PetsService };
