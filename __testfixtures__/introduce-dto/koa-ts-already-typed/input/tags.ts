import Router from '@koa/router';

const router = new Router();

router.post<{}, { request: { body: { name: string } } }>('/tags', async (ctx) => {
  ctx.body = { name: ctx.request.body.name };
});

export default router;
