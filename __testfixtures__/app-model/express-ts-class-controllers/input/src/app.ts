import express from 'express';
import { UsersController } from './users.controller';
import { AddressesController } from './addresses.controller';

const app = express();
const users = new UsersController();
const addresses = new AddressesController();

app.get('/users', users.list);
app.post('/users', users.create.bind(users));
app.get('/users/:id', (req, res) => users.show(req, res));
app.post('/addresses', addresses.create);
app.get('/addresses/:id', function (req, res, next) {
  return addresses.show(req, res, next);
});

export default app;
