import Router from '@koa/router';

const router = new Router();

router.put('/reviews/:reviewId', async (ctx) => {
  // The context is destructured: request and params come out of it.
  const { request, params } = ctx;
  const { stars, text } = request.body as any;
  const rating: number = stars;
  ctx.body = { id: params.reviewId, rating, text: String(text) };
});

export default router;
