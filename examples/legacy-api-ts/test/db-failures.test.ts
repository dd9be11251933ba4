// Every database call a handler makes can fail; each failure must reach the
// error handler (a JSON 500) and leave the data as it was.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import * as db from '../db';
import { startServer, stopServer, request, type Reply } from '../test-support/harness';

describe('database failures become 500s', () => {
  let server: Server;
  let baseUrl: string;
  const call = (method: string, path: string, body?: unknown) => request(baseUrl, method, path, body);
  const expect500 = (res: Reply) => {
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
