'use strict';

/**
 * A registered user.
 * @param {string} name
 */
class User {
  constructor(name, role) {
    this.name = name;
    this.role = role || 'member';
  }

  /**
   * Says hello.
   * @returns {string}
   */
  greet() {
    return 'Hello, ' + this.name;
  }

  isAdmin() {
    return this.role === 'admin'; // plain comparison
  }

  // Builds a user from a plain record.
  static fromJSON(json) {
    return new User(json.name, json.role);
  }

  describe(prefix) {
    const lines = [
      prefix,
      this.greet(),
    ];
    return lines.join(' ');
  } // trailing note
}

module.exports = User;
