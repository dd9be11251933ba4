import Koa from 'koa';
import Router from '@koa/router';
import { booksRouter } from './books';

const app = new Koa();
const api = new Router({ prefix: '/api' });

api.use('/books', booksRouter.routes(), booksRouter.allowedMethods());
api.get('/ping', (ctx) => {
  ctx.body = 'pong';
});
app.use(api.routes());
export default app;
