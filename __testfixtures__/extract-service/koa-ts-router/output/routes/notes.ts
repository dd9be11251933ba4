import Router = require('@koa/router');
import { NotesService } from '../services/notes.service';
import { sendDomainError } from './error-responses';

const notesService = new NotesService();

export const router = new Router();

// Koa: ctx.status / ctx.body assignments at the end of a path are the response.
router.get('/notes/:id', async (ctx) => {
  const id = Number(ctx.params.id);
  try {
    const result = await notesService.getNote({ id });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = result;
  } catch (err) {
    if (!sendDomainError(ctx, err)) throw err;
  }
});
