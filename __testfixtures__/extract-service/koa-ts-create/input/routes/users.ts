import Router = require('@koa/router');
import { findByEmail, insert } from '../users';

export const router = new Router();

// Koa: ctx.throw for invalid input, status + body for a conflict (with a field beside the message), 201 on success.
router.post('/users', async (ctx) => {
  const { name, email } = ctx.request.body;
  if (typeof email !== 'string' || !email.includes('@')) ctx.throw(400, 'invalid email');
  const existing = await findByEmail(email.toLowerCase());
  if (existing) {
    ctx.status = 409;
    ctx.body = { error: 'email already registered', field: 'email' };
    return;
  }
  const user = await insert(String(name), email.toLowerCase());
  ctx.status = 201;
  ctx.body = { id: user.id, email: user.email };
});

// Koa: ctx.throw without a message, a body-less success.
router.post('/users/:id/ping', async (ctx) => {
  const user = await findByEmail(String(ctx.query.email));
  if (!user) ctx.throw(404);
  await insert('ping', String(ctx.query.email));
  ctx.status = 204;
});
