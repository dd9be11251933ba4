import Fastify from 'fastify';

const app = Fastify();

async function listUsers() {
  return [];
}

// The receiver is a parameter the builder cannot follow and the method is computed: a site, not a silent skip.
export function addRoute(srv: any, method: string, handler: () => Promise<unknown>) {
  srv[method]('/dynamic', handler);
}

// The method is known but is not a route method (Fastify's are lower case): evaluation stops and says so.
['GET', 'POST'].forEach((method) => {
  app[method]('/upper', listUsers);
});

// Not a registration: no path.
const handlers: Record<string, (x: number) => number> = { double: (x) => x * 2 };
export const four = handlers[process.env.OP ?? 'double'](2);

app.get('/users', listUsers);

export default app;
