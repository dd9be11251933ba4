import Router from '@koa/router';
import { books } from './store';

export const booksRouter = new Router();

booksRouter.get('/', async (ctx) => {
  const limit = Number(ctx.query.limit ?? 20);
  ctx.body = await books.list(limit);
});

booksRouter.post('/', async (ctx) => {
  const { title, author } = ctx.request.body as { title: string; author: string };
  if (!title) ctx.throw(400, 'title required');
  ctx.status = 201;
  ctx.body = await books.add({ title, author });
});

booksRouter.get('book', '/:id', async (ctx, next) => {
  const book = await books.get(ctx.params.id);
  if (!book) return next();
  ctx.body = { book };
});
