var db = require('../db');

function publicView(user) {
  return { name: user.name };
}

class UsersService {
  async listUsers() {
    var users = await db.all();
    return users.map(publicView);
  }
}

module.exports = { UsersService };
