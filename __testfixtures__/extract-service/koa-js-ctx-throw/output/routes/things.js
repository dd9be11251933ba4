const Router = require('@koa/router');
const { ThingsService } = require('../services/things.service');
const { sendDomainError } = require('./error-responses');

const thingsService = new ThingsService();

const router = new Router();

// ctx.throw(404, msg) becomes a NotFoundError; the mapping calls ctx.throw(404, err.message) again, so the app's error middleware sees the same HttpError.
router.get('/things/:id', async (ctx) => {
  try {
    const result = await thingsService.getThing({ id: ctx.params.id });
    ctx.body = result;
  } catch (err) {
    if (!sendDomainError(ctx, err)) throw err;
  }
});

module.exports = router;
