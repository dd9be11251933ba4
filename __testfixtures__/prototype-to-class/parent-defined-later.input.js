'use strict';
var util = require('util');

function Admin(name) {
  Account.call(this, name);
}

// Account is bound after Admin: `class Admin extends Account` at Admin's place would read it too early.
var Account = require('./account');
util.inherits(Admin, Account);

Admin.prototype.isAdmin = function () {
  return true;
};

module.exports = Admin;
