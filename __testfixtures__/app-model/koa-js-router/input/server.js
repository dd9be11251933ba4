const Koa = require('koa');
const Router = require('koa-router');
const users = require('./users');

const app = new Koa();
const router = new Router();
router.get('/users', users.list);
router.del('/users/:id', users.remove);
router.use('/v2', require('./v2').routes());
app.use(router.routes());
module.exports = app;
