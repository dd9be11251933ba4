import Router from '@koa/router';

const router = new Router();

const showBook: Router.Middleware = async (ctx) => {
  ctx.body = { isbn: String(ctx.params.isbn).toUpperCase(), format: ctx.query.format };
};

router.get('/books/:isbn', showBook);

export default router;
