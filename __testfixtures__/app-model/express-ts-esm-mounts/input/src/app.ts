import express from 'express';
import * as userController from './controllers/user';
import createOrder, { listOrders } from './controllers/orders';
import api from './routes/api';

const app = express();
app.use(express.json());
app.post('/users', userController.createUser);
app.get('/users/:id', userController.getUser);
app.get('/orders', listOrders);
app.post('/orders', createOrder);
app.use('/api', api);
app.get('/health', (_req, res) => {
  res.sendStatus(204);
});

export default app;
