import Router from '@koa/router';
import { CreatePinBody, PinParams } from './pins.dto';

const router = new Router();

router.post<{}, { request: { body: CreatePinBody }; params: PinParams }>('/pins/:boardId', async (ctx) => {
  const paramsCheck = PinParams.safeParse(ctx.params);
  if (!paramsCheck.success) {
    ctx.status = 400;
    ctx.body = { error: 'Invalid route parameters', issues: paramsCheck.error.issues };
    return;
  }
  const bodyCheck = CreatePinBody.safeParse(ctx.request.body);
  if (!bodyCheck.success) {
    ctx.status = 400;
    ctx.body = { error: 'Invalid request body', issues: bodyCheck.error.issues };
    return;
  }
  const body = ctx.request.body as any;
  const url: string = body.url;
  ctx.body = { board: ctx.params.boardId, url };
});

export default router;
