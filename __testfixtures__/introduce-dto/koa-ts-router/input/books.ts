import Router from '@koa/router';

const router = new Router();

router.get('/books', async (ctx) => {
  const limit = Number(ctx.query.limit ?? '10');
  ctx.body = { limit };
});

router.get('/books/:isbn', async (ctx) => {
  ctx.body = { isbn: ctx.params.isbn.toUpperCase() };
});

router.post('/books', async (ctx) => {
  const body = ctx.request.body as any;
  if (typeof body.title !== 'string') ctx.throw(400, 'title required');
  ctx.status = 201;
  ctx.body = { title: body.title, year: body.year * 1 };
});

export default router;
