import Router from '@koa/router';
import type { ReplaceReviewBody, ReviewParams } from './reviews.dto';

const router = new Router();

router.put<{}, { request: { body: ReplaceReviewBody }; params: ReviewParams }>('/reviews/:reviewId', async (ctx) => {
  // The context is destructured: request and params come out of it.
  const { request, params } = ctx;
  const { stars, text } = request.body as any;
  const rating: number = stars;
  ctx.body = { id: params.reviewId, rating, text: String(text) };
});

export default router;
