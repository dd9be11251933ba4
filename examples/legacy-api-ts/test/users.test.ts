import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import * as db from '../db';
import { startServer, stopServer, request } from '../test-support/harness';

const ada = { id: 1, name: 'Ada Lovelace', email: 'ada@example.com', url: '/users/1' };
const alan = { id: 2, name: 'Alan Turing', email: 'alan@example.com', url: '/users/2' };

describe('users', () => {
  let server: Server;
  let baseUrl: string;
  const call = (method: string, path: string, body?: unknown) => request(baseUrl, method, path, body);

  before(async () => {
    ({ server, baseUrl } = await startServer());
  });
  after(() => stopServer(server));
  beforeEach(() => {
    db.reset();
    db.seed();
  });

  describe('GET /users', () => {
    it('lists users with default paging', async () => {
      const res = await call('GET', '/users');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        users: [ada, alan],
        total: 2,
        limit: 10,
        offset: 0,
        range: '1-2',
        next: null
      });
    });

    it('pages with limit and offset and links to the next page', async () => {
      await db.insertUser({ name: 'Grace Hopper', email: 'grace@example.com' });
      await db.insertUser({ name: 'Edsger Dijkstra', email: 'edsger@example.com' });
      await db.insertUser({ name: 'Barbara Liskov', email: 'barbara@example.com' });

      const res = await call('GET', '/users?limit=2&offset=1');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        users: [alan, { id: 3, name: 'Grace Hopper', email: 'grace@example.com', url: '/users/3' }],
        total: 5,
        limit: 2,
        offset: 1,
        range: '2-3',
        next: '/users?limit=2&offset=3'
      });

      const last = await call('GET', '/users?limit=2&offset=3');
      assert.equal(last.status, 200);
      assert.deepEqual(last.body.users.map((u: any) => u.id), [4, 5]);
      assert.equal(last.body.range, '4-5');
      assert.equal(last.body.next, null);
    });

    it('falls back to defaults for unparsable, zero or too large values', async () => {
      let res = await call('GET', '/users?limit=abc&offset=xyz');
      assert.equal(res.status, 200);
      assert.equal(res.body.limit, 10);
      assert.equal(res.body.offset, 0);

      res = await call('GET', '/users?limit=0');
      assert.equal(res.body.limit, 10);

      res = await call('GET', '/users?limit=500');
      assert.equal(res.body.limit, 50);

      res = await call('GET', '/users?offset=10');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { users: [], total: 2, limit: 10, offset: 10, range: null, next: null });
    });

    it('rejects negative limit or offset with 400', async () => {
      let res = await call('GET', '/users?limit=-1');
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'Query parameter `limit` must not be negative, got -1' });

      res = await call('GET', '/users?limit=5&offset=-5');
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'Query parameter `offset` must not be negative, got -5' });
    });
  });

  describe('GET /users/:id', () => {
    it('returns one user, optionally narrowed with ?fields=', async () => {
      let res = await call('GET', '/users/1');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, ada);

      res = await call('GET', '/users/2?fields=id,name');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { id: 2, name: 'Alan Turing' });

      res = await call('GET', '/users/1?fields=email,%20url,bogus');
      assert.deepEqual(res.body, { email: 'ada@example.com', url: '/users/1' });
    });

    it('answers 404 for a missing user and 400 for a bad id', async () => {
      let res = await call('GET', '/users/99');
      assert.equal(res.status, 404);
      assert.deepEqual(res.body, { error: 'User 99 not found' });

      res = await call('GET', '/users/abc');
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'Invalid user id: abc' });

      res = await call('GET', '/users/0');
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'Invalid user id: 0' });
    });
  });

  describe('POST /users', () => {
    it('creates a user with a normalised name and email', async () => {
      const res = await call('POST', '/users', { name: '  Grace Hopper ', email: ' Grace@Example.COM ' });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('location'), '/users/3');
      assert.deepEqual(res.body, { id: 3, name: 'Grace Hopper', email: 'grace@example.com', url: '/users/3' });

      const fetched = await call('GET', '/users/3');
      assert.equal(fetched.status, 200);
      assert.deepEqual(fetched.body, res.body);
    });

    it('validates name and email with 400', async () => {
      let res = await call('POST', '/users', { email: 'grace@example.com' });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'name is required' });

      res = await call('POST', '/users', { name: '   ', email: 'grace@example.com' });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'name is required' });

      res = await call('POST', '/users', { name: 'Grace', email: 'not-an-email' });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'email must be a valid email address' });

      res = await call('POST', '/users', { name: 'Grace' });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'email must be a valid email address' });

      assert.deepEqual(db.counts(), { users: 2, orders: 1 });
    });

    it('refuses a duplicate email (case-insensitive) with 409', async () => {
      const res = await call('POST', '/users', { name: 'Another Ada', email: 'ADA@example.com' });
      assert.equal(res.status, 409);
      assert.deepEqual(res.body, { error: 'Email ada@example.com is already registered' });
      assert.deepEqual(db.counts(), { users: 2, orders: 1 });
    });
  });

  describe('DELETE /users/:id', () => {
    it('deletes a user and their orders with 204', async () => {
      const res = await call('DELETE', '/users/1');
      assert.equal(res.status, 204);
      assert.equal(res.text, '');
      assert.deepEqual(db.counts(), { users: 1, orders: 0 });

      const gone = await call('GET', '/users/1');
      assert.equal(gone.status, 404);
      assert.deepEqual(gone.body, { error: 'User 1 not found' });
    });

    it('answers 404 for a missing user, 400 for a bad id, 500 when the db fails', async () => {
      let res = await call('DELETE', '/users/99');
      assert.equal(res.status, 404);
      assert.deepEqual(res.body, { error: 'User 99 not found' });

      res = await call('DELETE', '/users/abc');
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'Invalid user id: abc' });

      db.failNext('removeUser', new Error('locked'));
      res = await call('DELETE', '/users/2');
      assert.equal(res.status, 500);
      assert.deepEqual(res.body, { error: 'Internal Server Error' });
      assert.deepEqual(db.counts(), { users: 2, orders: 1 });
    });
  });

  describe('GET /users/:id/orders', () => {
    it("lists a user's orders with a summary", async () => {
      const res = await call('GET', '/users/1/orders');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        userId: 1,
        count: 1,
        summary: 'Ada Lovelace has 1 order worth $25.00',
        totalSpent: 25,
        orders: [
          {
            id: 1,
            userId: 1,
            items: [{ productId: 'notebook', quantity: 2, price: 12.5, lineTotal: 25 }],
            subtotal: 25,
            discount: 0,
            total: 25,
            display: '$25.00'
          }
        ]
      });

      const none = await call('GET', '/users/2/orders');
      assert.equal(none.status, 200);
      assert.deepEqual(none.body, {
        userId: 2,
        count: 0,
        summary: 'Alan Turing has 0 orders worth $0.00',
        totalSpent: 0,
        orders: []
      });
    });

    it('answers 404, 400 and 500 on its error paths', async () => {
      let res = await call('GET', '/users/99/orders');
      assert.equal(res.status, 404);
      assert.deepEqual(res.body, { error: 'User 99 not found' });

      res = await call('GET', '/users/x/orders');
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'Invalid user id: x' });

      db.failNext('listOrders', new Error('timeout'));
      res = await call('GET', '/users/1/orders');
      assert.equal(res.status, 500);
      assert.deepEqual(res.body, { error: 'Internal Server Error' });
    });
  });
});
