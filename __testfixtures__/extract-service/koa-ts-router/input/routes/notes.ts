import Router = require('@koa/router');
import { getNote } from '../notes';

export const router = new Router();

// Koa: ctx.status / ctx.body assignments at the end of a path are the response.
router.get('/notes/:id', async (ctx) => {
  const id = Number(ctx.params.id);
  const text = await getNote(id);
  if (!text) {
    ctx.status = 404;
    ctx.body = { error: 'no note ' + id };
    return;
  }
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { id, text };
});
