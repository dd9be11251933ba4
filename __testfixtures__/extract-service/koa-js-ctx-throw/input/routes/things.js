const Router = require('@koa/router');
const db = require('../db');

const router = new Router();

// ctx.throw(404, msg) becomes a NotFoundError; the mapping calls ctx.throw(404, err.message) again, so the app's error middleware sees the same HttpError.
router.get('/things/:id', async (ctx) => {
  const thing = await db.find(Number(ctx.params.id));
  if (!thing) ctx.throw(404, 'no thing');
  ctx.body = thing;
});

module.exports = router;
