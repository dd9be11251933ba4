// Business logic of routes/users.js, moved out of its route handlers by remodel extract-service.
const store = require('../store');

class CountedService {
  /**
   * POST /counted (routes/users.js)
   */
  async createCounted() {
    await store.find(1);
    return;
  }
}

module.exports = { CountedService };
