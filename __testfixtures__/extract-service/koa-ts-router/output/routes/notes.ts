import Router = require('@koa/router');
import { NotesService } from '../services/notes.service.js';
import { applyResult } from '../services/http-result.js';

const notesService = new NotesService();

export const router = new Router();

// Koa: ctx.status / ctx.body assignments at the end of a path are the response.
router.get('/notes/:id', async (ctx) => {
  const id = Number(ctx.params.id);
  applyResult(ctx, await notesService.getNote({ id }));
});
