import express from 'express';
import { AddressesController } from './addresses.controller';

const app = express();
const addresses = new AddressesController();
app.post('/addresses', addresses.create);
app.patch('/addresses/:id', (req, res) => addresses.update(req, res));
export default app;
