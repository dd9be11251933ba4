const Router = require('@koa/router');
const db = require('../db');

const router = new Router();

// A Koa router in an app whose error mapping answers through Express: left alone (mixed-frameworks).
router.get('/things/:id', async (ctx) => {
  const id = Number(ctx.params.id);
  const thing = await db.find(id);
  if (!thing) {
    ctx.status = 404;
    ctx.body = { error: 'no thing ' + id };
    return;
  }
  thing.seen = true;
  ctx.body = thing;
});

module.exports = router;
