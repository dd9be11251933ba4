'use strict';

// Every database call a handler makes can fail; each failure must reach the
// error handler (a JSON 500) and leave the data as it was.
const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const db = require('../db');
const { startServer, stopServer, request } = require('../test-support/harness');

describe('database failures become 500s', () => {
  let server;
  let baseUrl;
  const call = (method, path, body) => request(baseUrl, method, path, body);
  const expect500 = (res) => {
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, { error: 'Internal Server Error' });
  };

  before(async () => {
    ({ server, baseUrl } = await startServer());
  });
  after(() => stopServer(server));
  beforeEach(() => {
    db.reset();
    db.seed();
  });

  it('GET /users/:id when finding the user fails', async () => {
    db.failNext('findUserById', new Error('read error'));
    expect500(await call('GET', '/users/1'));
  });

  it('POST /users when the email lookup or the insert fails', async () => {
    db.failNext('findUserByEmail', new Error('read error'));
    expect500(await call('POST', '/users', { name: 'Grace', email: 'grace@example.com' }));
    db.failNext('insertUser', new Error('write error'));
    expect500(await call('POST', '/users', { name: 'Grace', email: 'grace@example.com' }));
    assert.deepEqual(db.counts(), { users: 2, orders: 1 });
  });

  it('GET /users/:id/orders when finding the user fails', async () => {
    db.failNext('findUserById', new Error('read error'));
    expect500(await call('GET', '/users/1/orders'));
  });

  it('POST /orders when finding the user fails', async () => {
    db.failNext('findUserById', new Error('read error'));
    expect500(await call('POST', '/orders', { userId: 1, items: [{ productId: 'pen', quantity: 1, price: 1 }] }));
    assert.deepEqual(db.counts(), { users: 2, orders: 1 });
  });
});
