import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import * as db from '../db';
import { startServer, stopServer, request } from '../test-support/harness';

describe('app', () => {
  let server: Server;
  let baseUrl: string;
  const call = (method: string, path: string, body?: unknown) => request(baseUrl, method, path, body);

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
