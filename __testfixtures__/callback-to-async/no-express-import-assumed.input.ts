import * as fs from 'fs';

// With --assume-express the same handler is converted.
export function register(router: any): void {
  router.get('/health', (req: any, res: any, next: (e?: unknown) => void) => {
    fs.stat('/tmp', (err, st) => {
      if (err) return next(err);
      res.send(st.isDirectory() ? 'ok' : 'odd');
    });
  });
}
