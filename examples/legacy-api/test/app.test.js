'use strict';

const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const db = require('../db');
const { startServer, stopServer, request } = require('../test-support/harness');

describe('app', () => {
  let server;
  let baseUrl;
  const call = (method, path, body) => request(baseUrl, method, path, body);

  before(async () => {
    ({ server, baseUrl } = await startServer());
  });
  after(() => stopServer(server));
  beforeEach(() => db.reset());

  it('GET /health reports ok and table sizes', async () => {
    let res = await call('GET', '/health');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok', users: 0, orders: 0 });

    db.seed();
    res = await call('GET', '/health');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok', users: 2, orders: 1 });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await call('GET', '/nope?x=1');
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { error: 'Route GET /nope?x=1 not found' });

    const res2 = await call('PUT', '/users/1');
    assert.equal(res2.status, 404);
    assert.deepEqual(res2.body, { error: 'Route PUT /users/1 not found' });
  });

  it('rejects malformed JSON bodies with 400', async () => {
    const res = await call('POST', '/users', '{"name": "Ada",');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { error: 'Malformed JSON body' });
  });

  it('turns database errors from promises into a 500 via next(err)', async () => {
    db.seed();
    db.failNext('listUsers', new Error('disk on fire'));
    const res = await call('GET', '/users');
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, { error: 'Internal Server Error' });

    // The failure is one-shot: the next request works again.
    const again = await call('GET', '/users');
    assert.equal(again.status, 200);
    assert.equal(again.body.total, 2);
  });
});
