// Shared test plumbing: start the app on a random port and make JSON requests
// against it with the global fetch. It lives outside test/ because
// `node --test dist/test/` runs every .js file under it as a test file.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import app from '../app';

const REQUEST_TIMEOUT_MS = 5000;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export async function startServer(): Promise<{ server: Server; baseUrl: string }> {
  app.set('log errors', false);
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

export function stopServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

// Sends a request; `body` objects are sent as JSON, strings are sent raw as JSON.
export async function request(baseUrl: string, method: string, path: string, body?: unknown): Promise<Reply> {
  // A handler that never answers (say, it threw inside a callback) fails the test fast instead of hanging it.
  const headers: Record<string, string> = {};
  const init: RequestInit = { method, headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(baseUrl + path, init);
  const text = await res.text();
  const isJson = (res.headers.get('content-type') || '').startsWith('application/json');
  return { status: res.status, headers: res.headers, text, body: isJson ? JSON.parse(text) : undefined };
}
