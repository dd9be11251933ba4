import express from 'express';
import { accountsRouter } from './routes/accounts';

const app = express();
// Names come from the mount path: /accounts + /:accountId.
app.use('/accounts', accountsRouter);

export default app;
