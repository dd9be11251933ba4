import Router from '@koa/router';

const router = new Router();

router.post('/pins/:boardId', async (ctx) => {
  const body = ctx.request.body as any;
  const url: string = body.url;
  ctx.body = { board: ctx.params.boardId, url };
});

export default router;
