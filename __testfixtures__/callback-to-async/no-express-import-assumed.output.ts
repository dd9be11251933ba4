import * as fs from 'fs';

// With --assume-express the same handler is converted.
export function register(router: any): void {
  router.get('/health', async (req: any, res: any, next: (e?: unknown) => void) => {
    let st;
    try {
      st = await fs.promises.stat('/tmp');
    } catch (err) {
      return next(err);
    }
    res.send(st.isDirectory() ? 'ok' : 'odd');
  });
}
