import express from 'express';
import { UsersService, publicUser } from './services/users.service.mjs';
export { publicUser };
import { sendDomainError } from './error-responses.mjs';

const usersService = new UsersService();

const app = express();

app.get('/users/:id', async function (req, res) {
  const id = Number(req.params.id);
  try {
    res.json(await usersService.getUser({ id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

export default app;
