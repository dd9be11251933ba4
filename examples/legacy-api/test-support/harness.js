'use strict';

// Shared test plumbing: start the app on a random port and make JSON requests
// against it with the global fetch. It lives outside test/ because
// `node --test test/` runs every .js file under test/ as a test file.
const { once } = require('node:events');
const app = require('../app');

const REQUEST_TIMEOUT_MS = 5000;

async function startServer() {
  app.set('log errors', false);
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

function stopServer(server) {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

// Sends a request; `body` objects are sent as JSON, strings are sent raw as JSON.
async function request(baseUrl, method, path, body) {
  // A handler that never answers (say, it threw inside a callback) fails the test fast instead of hanging it.
  const init = { method, headers: {}, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(baseUrl + path, init);
  const text = await res.text();
  const isJson = (res.headers.get('content-type') || '').startsWith('application/json');
  return { status: res.status, headers: res.headers, text, body: isJson ? JSON.parse(text) : undefined };
}

module.exports = { startServer, stopServer, request };
