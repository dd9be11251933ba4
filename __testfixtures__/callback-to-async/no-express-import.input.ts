import * as fs from 'fs';

// Looks like a route handler, but nothing says this is Express (Koa, fastify… treat a returned promise
// differently): left alone unless --assume-express.
export function register(router: any): void {
  router.get('/health', (req: any, res: any, next: (e?: unknown) => void) => {
    fs.stat('/tmp', (err, st) => {
      if (err) return next(err);
      res.send(st.isDirectory() ? 'ok' : 'odd');
    });
  });
}
