'use strict';

/**
 * A registered user.
 * @param {string} name
 */
function User(name, role) {
  this.name = name;
  this.role = role || 'member';
}

/**
 * Says hello.
 * @returns {string}
 */
User.prototype.greet = function () {
  return 'Hello, ' + this.name;
};

User.prototype.isAdmin = function () {
  return this.role === 'admin'; // plain comparison
};

// Builds a user from a plain record.
User.fromJSON = function (json) {
  return new User(json.name, json.role);
};

User.prototype.describe = function (prefix) {
  const lines = [
    prefix,
    this.greet(),
  ];
  return lines.join(' ');
}; // trailing note

module.exports = User;
