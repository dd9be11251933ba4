const express = require('express');
const { UsersService } = require('./services/users.service');
const { sendDomainError } = require('./routes/error-responses');

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

module.exports = app;
