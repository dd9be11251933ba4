const Router = require('koa-router');
const router = new Router({ prefix: '/things' });
router.get('/:id', (ctx) => {
  ctx.body = { id: ctx.params.id };
});
module.exports = router;
