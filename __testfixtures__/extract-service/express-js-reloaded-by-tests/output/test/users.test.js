// The app's own test: the controller is loaded afresh with its model replaced (run with `node test/users.test.js`).
const assert = require('node:assert');
const Module = require('node:module');

const original = Module.prototype.require;
Module.prototype.require = function (id) {
  if (id === '../models/user') return { find: async () => ({ id: 7, name: 'stub' }) };
  return original.apply(this, arguments);
};
delete require.cache[require.resolve('../controllers/users')];
const users = require('../controllers/users');
Module.prototype.require = original;

const res = { json(body) { this.body = body; return this; }, status(code) { this.code = code; return this; } };
users.getUser({ params: { id: '7' } }, res).then(() => {
  assert.deepStrictEqual(res.body, { id: 7, name: 'stub' });
  console.log('ok');
});
