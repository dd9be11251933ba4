// In-memory "database". It grew over the years, so some functions return promises
// and others take Node-style callbacks. Every call completes asynchronously.

export interface User {
  id: number;
  name: string;
  email: string;
}

export interface OrderLine {
  productId: string;
  quantity: number;
  price: number;
  lineTotalCents: number;
}

export interface Order {
  id: number;
  userId: number;
  items: OrderLine[];
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
}

type Callback<T> = (err: Error | null, result?: T) => void;

var users: User[] = [];
var orders: Order[] = [];
var nextUserId = 1;
var nextOrderId = 1;
var failures: { [name: string]: Error | undefined } = {}; // test hook, see failNext()

export function reset() {
  users = [];
  orders = [];
  nextUserId = 1;
  nextOrderId = 1;
  failures = {};
}

export function seed() {
  users.push({ id: nextUserId++, name: 'Ada Lovelace', email: 'ada@example.com' });
  users.push({ id: nextUserId++, name: 'Alan Turing', email: 'alan@example.com' });
  var items = [{ productId: 'notebook', quantity: 2, price: 12.5, lineTotalCents: 2500 }];
  orders.push({ id: nextOrderId++, userId: 1, items: items, subtotalCents: 2500, discountCents: 0, totalCents: 2500 });
}

// Test hook: the next call to the function called `name` fails with `err`.
export function failNext(name: string, err: Error) {
  failures[name] = err;
}

function takeFailure(name: string) {
  var err = failures[name];
  delete failures[name];
  return err;
}

function copy<T>(record: T): T {
  return JSON.parse(JSON.stringify(record));
}

function deferred<T>(name: string, compute: () => T): Promise<T> {
  return new Promise(function (resolve, reject) {
    setImmediate(function () {
      var err = takeFailure(name);
      if (err) return reject(err);
      resolve(compute());
    });
  });
}

export function findUserById(id: number): Promise<User | null> {
  return deferred('findUserById', function () {
    for (var i = 0; i < users.length; i++) {
      if (users[i].id === id) return copy(users[i]);
    }
    return null;
  });
}

export function findUserByEmail(email: string): Promise<User | null> {
  var wanted = String(email).toLowerCase();
  return deferred('findUserByEmail', function () {
    var found: User | null = null;
    users.forEach(function (user) {
      if (user.email === wanted) found = user;
    });
    return found ? copy(found) : null;
  });
}

export function listUsers(offset: number, limit: number): Promise<{ total: number; users: User[] }> {
  return deferred('listUsers', function () {
    return { total: users.length, users: users.slice(offset, offset + limit).map(copy) };
  });
}

export function insertUser(fields: { name: string; email: string }): Promise<User> {
  return deferred('insertUser', function () {
    var user = { id: nextUserId++, name: fields.name, email: fields.email };
    users.push(user);
    return copy(user);
  });
}

export function removeUser(id: number, cb: Callback<boolean>) {
  setImmediate(function () {
    var err = takeFailure('removeUser');
    if (err) return cb(err);
    var index = users.findIndex(function (user) { return user.id === id; });
    if (index === -1) return cb(null, false);
    users.splice(index, 1);
    orders = orders.filter(function (order) { return order.userId !== id; });
    cb(null, true);
  });
}

export function listOrders(userId: number, cb: Callback<Order[]>) {
  setImmediate(function () {
    var err = takeFailure('listOrders');
    if (err) return cb(err);
    var result: Order[] = [];
    for (var i = 0; i < orders.length; i++) {
      if (orders[i].userId === userId) result.push(copy(orders[i]));
    }
    cb(null, result);
  });
}

export function insertOrder(order: Omit<Order, 'id'>, cb: Callback<Order>) {
  setImmediate(function () {
    var err = takeFailure('insertOrder');
    if (err) return cb(err);
    var stored: Order = Object.assign({ id: nextOrderId++ }, copy(order));
    orders.push(stored);
    cb(null, copy(stored));
  });
}

export function counts() {
  return { users: users.length, orders: orders.length };
}
