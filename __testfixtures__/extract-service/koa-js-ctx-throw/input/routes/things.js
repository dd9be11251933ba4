const Router = require('@koa/router');
const db = require('../db');

const router = new Router();

// ctx.throw answers from inside the logic by throwing an HttpError: left alone (ctx-throw).
router.get('/things/:id', async (ctx) => {
  const thing = await db.find(Number(ctx.params.id));
  if (!thing) ctx.throw(404, 'no thing');
  ctx.body = thing;
});

module.exports = router;
