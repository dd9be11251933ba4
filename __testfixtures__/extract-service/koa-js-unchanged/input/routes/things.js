const Router = require('@koa/router');
const db = require('../db');

const router = new Router();

// A header set before the logic can still fail: the 404 carries it too, so it cannot move after the service call.
router.get('/things/:id', async (ctx) => {
  ctx.set('Cache-Control', 'no-store');
  const thing = await db.find(Number(ctx.params.id));
  if (!thing) {
    ctx.status = 404;
    return;
  }
  ctx.body = thing;
});

// The status comes from the logic.
router.post('/things', async (ctx) => {
  const thing = await db.save(ctx.request.body);
  if (!thing) ctx.throw(thing === null ? 400 : 422, 'not saved');
  ctx.body = thing;
});

// An error response with a header of its own.
router.put('/things/:id', async (ctx) => {
  const thing = await db.find(Number(ctx.params.id));
  if (!thing) {
    ctx.status = 404;
    ctx.set('X-Reason', 'missing');
    ctx.body = { error: 'no thing' };
    return;
  }
  ctx.body = await db.save(thing);
});

// ctx.state is shared with the middleware around the route.
router.delete('/things/:id', async (ctx) => {
  const thing = await db.find(Number(ctx.params.id));
  ctx.state.thing = thing;
  if (!thing) ctx.throw(404, 'no thing');
  ctx.body = { removed: thing.id };
});

// A 5xx is not a domain error.
router.get('/things/:id/raw', async (ctx) => {
  const thing = await db.find(Number(ctx.params.id));
  if (!thing) ctx.throw(503, 'store unavailable');
  ctx.body = thing;
});

module.exports = router;
