import Router = require('@koa/router');
import { UsersService } from '../services/users.service';
import { sendDomainError } from './error-responses';

const usersService = new UsersService();

export const router = new Router();

// Koa: ctx.throw for invalid input, status + body for a conflict (with a field beside the message), 201 on success.
router.post('/users', async (ctx) => {
  const { name, email } = ctx.request.body;
  try {
    const result = await usersService.createUser({ name, email });
    ctx.status = 201;
    ctx.body = result;
  } catch (err) {
    if (!sendDomainError(ctx, err)) throw err;
  }
});

// Koa: ctx.throw without a message, a body-less success.
router.post('/users/:id/ping', async (ctx) => {
  try {
    await usersService.createUserPing({ email: ctx.query.email });
    ctx.status = 204;
  } catch (err) {
    if (!sendDomainError(ctx, err)) throw err;
  }
});
