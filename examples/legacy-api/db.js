'use strict';

// In-memory "database". It grew over the years, so some functions return promises
// and others take Node-style callbacks. Every call completes asynchronously.

reset(); // initialise the tables when the module is first loaded

var users, orders;
var nextUserId, nextOrderId;
var failures; // test hook, see failNext()

function reset() {
  users = [];
  orders = [];
  nextUserId = 1;
  nextOrderId = 1;
  failures = {};
}

function seed() {
  users.push({ id: nextUserId++, name: 'Ada Lovelace', email: 'ada@example.com' });
  users.push({ id: nextUserId++, name: 'Alan Turing', email: 'alan@example.com' });
  var items = [{ productId: 'notebook', quantity: 2, price: 12.5, lineTotalCents: 2500 }];
  orders.push({ id: nextOrderId++, userId: 1, items: items, subtotalCents: 2500, discountCents: 0, totalCents: 2500 });
}

// Test hook: the next call to the function called `name` fails with `err`.
function failNext(name, err) { failures[name] = err; }

function takeFailure(name) {
  var err = failures[name];
  delete failures[name];
  return err;
}

function copy(record) {
  return record ? JSON.parse(JSON.stringify(record)) : null;
}

function deferred(name, compute) {
  return new Promise(function (resolve, reject) {
    setImmediate(function () {
      var err = takeFailure(name);
      if (err) return reject(err);
      resolve(compute());
    });
  });
}

function findUserById(id) {
  return deferred('findUserById', function () {
    for (var i = 0; i < users.length; i++) {
      if (users[i].id === id) return copy(users[i]);
    }
    return null;
  });
}

function findUserByEmail(email) {
  var wanted = String(email).toLowerCase();
  return deferred('findUserByEmail', function () {
    var found = null;
    users.forEach(function (user) {
      if (user.email === wanted) found = user;
    });
    return copy(found);
  });
}

function listUsers(offset, limit) {
  return deferred('listUsers', function () {
    return { total: users.length, users: users.slice(offset, offset + limit).map(copy) };
  });
}

function insertUser(fields) {
  return deferred('insertUser', function () {
    var user = { id: nextUserId++, name: fields.name, email: fields.email };
    users.push(user);
    return copy(user);
  });
}

function removeUser(id, cb) {
  setImmediate(function () {
    var err = takeFailure('removeUser');
    if (err) return cb(err);
    for (var i = 0; i < users.length; i++) {
      if (users[i].id === id) break;
    }
    if (i === users.length) return cb(null, false);
    users.splice(i, 1);
    orders = orders.filter(function (order) { return order.userId !== id; });
    cb(null, true);
  });
}

function listOrders(userId, cb) {
  setImmediate(function () {
    var err = takeFailure('listOrders');
    if (err) return cb(err);
    var result = [];
    for (var i = 0; i < orders.length; i++) {
      if (orders[i].userId === userId) result.push(copy(orders[i]));
    }
    cb(null, result);
  });
}

function insertOrder(order, cb) {
  setImmediate(function () {
    var err = takeFailure('insertOrder');
    if (err) return cb(err);
    var stored = copy(order);
    stored.id = nextOrderId++;
    orders.push(stored);
    cb(null, copy(stored));
  });
}

function counts() {
  return { users: users.length, orders: orders.length };
}

module.exports = {
  reset: reset, seed: seed, failNext: failNext, counts: counts,
  findUserById: findUserById, findUserByEmail: findUserByEmail, listUsers: listUsers, insertUser: insertUser,
  removeUser: removeUser, listOrders: listOrders, insertOrder: insertOrder
};
