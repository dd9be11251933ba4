import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import * as db from '../db';
import { startServer, stopServer, request } from '../test-support/harness';

describe('POST /orders', () => {
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

  it('creates an order without discount up to 100', async () => {
    const res = await call('POST', '/orders', {
      userId: 2,
      items: [{ productId: 'pen', quantity: 3, price: 1.99 }]
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('location'), '/users/2/orders');
    assert.deepEqual(res.body, {
      id: 2,
      userId: 2,
      items: [{ productId: 'pen', quantity: 3, price: 1.99, lineTotal: 5.97 }],
      subtotal: 5.97,
      discount: 0,
      total: 5.97,
      display: '$5.97'
    });
    assert.deepEqual(db.counts(), { users: 2, orders: 2 });
  });

  it('gives no discount at exactly 100', async () => {
    const res = await call('POST', '/orders', {
      userId: 1,
      items: [{ productId: 'chair', quantity: 4, price: 25 }]
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.subtotal, 100);
    assert.equal(res.body.discount, 0);
    assert.equal(res.body.total, 100);
    assert.equal(res.body.display, '$100.00');
  });

  it('takes 10% off a subtotal over 100', async () => {
    const res = await call('POST', '/orders', {
      userId: 1,
      items: [
        { productId: 'keyboard', quantity: 1, price: 89.99 },
        { productId: 'cable', quantity: 3, price: 9.99 }
      ]
    });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, {
      id: 2,
      userId: 1,
      items: [
        { productId: 'keyboard', quantity: 1, price: 89.99, lineTotal: 89.99 },
        { productId: 'cable', quantity: 3, price: 9.99, lineTotal: 29.97 }
      ],
      subtotal: 119.96,
      discount: 12,
      total: 107.96,
      display: '$107.96'
    });

    const listed = await call('GET', '/users/1/orders');
    assert.equal(listed.status, 200);
    assert.equal(listed.body.count, 2);
    assert.equal(listed.body.totalSpent, 132.96);
    assert.equal(listed.body.summary, 'Ada Lovelace has 2 orders worth $132.96');
    assert.deepEqual(listed.body.orders[1], res.body);
  });

  it('rejects a missing or non-integer userId with 400', async () => {
    const items = [{ productId: 'pen', quantity: 1, price: 1 }];
    for (const userId of [undefined, '1', 1.5, 0]) {
      const res = await call('POST', '/orders', { userId, items });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'userId must be a positive integer' });
    }
  });

  it('rejects a missing or empty items array with 400', async () => {
    for (const items of [undefined, [], 'pen']) {
      const res = await call('POST', '/orders', { userId: 1, items });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: 'items must be a non-empty array' });
    }
  });

  it('lists every invalid item field with 400', async () => {
    const res = await call('POST', '/orders', {
      userId: 1,
      items: [
        { productId: '', quantity: 1.5, price: -1 },
        null,
        { productId: 'ok', quantity: 2, price: '3' },
        { productId: 'fine', quantity: 1, price: 0 }
      ]
    });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, {
      error: 'Invalid items',
      details: [
        'items[0].productId must be a non-empty string',
        'items[0].quantity must be a positive integer',
        'items[0].price must be a non-negative number',
        'items[1].productId must be a non-empty string',
        'items[1].quantity must be a positive integer',
        'items[1].price must be a non-negative number',
        'items[2].price must be a non-negative number'
      ]
    });
    assert.deepEqual(db.counts(), { users: 2, orders: 1 });
  });

  it('answers 404 for an unknown user and 500 when saving fails', async () => {
    const items = [{ productId: 'pen', quantity: 1, price: 1 }];
    let res = await call('POST', '/orders', { userId: 99, items });
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { error: 'User 99 not found' });

    db.failNext('insertOrder', new Error('disk full'));
    res = await call('POST', '/orders', { userId: 1, items });
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, { error: 'Internal Server Error' });
    assert.deepEqual(db.counts(), { users: 2, orders: 1 });
  });
});
