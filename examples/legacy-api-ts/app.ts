import express from 'express';
import * as db from './db';
import usersRouter from './routes/users';
import ordersRouter from './routes/orders';

var app = express();

app.disable('x-powered-by');
app.set('log errors', process.env.NODE_ENV !== 'test');
app.use(express.json());

app.get('/health', function (req, res) {
  var counts = db.counts();
  res.json({ status: 'ok', users: counts.users, orders: counts.orders });
});

app.use('/users', usersRouter);
app.use('/orders', ordersRouter);

app.use(function notFound(req: express.Request, res: express.Response) {
  res.status(404).json({ error: 'Route ' + req.method + ' ' + req.originalUrl + ' not found' });
});

// Express recognises error handlers by their four parameters: keep `next`.
app.use(function errorHandler(err: any, req: express.Request, res: express.Response, next: express.NextFunction) {
  var status = err.status || err.statusCode || 500;
  var message = 'Internal Server Error';
  if (err.type === 'entity.parse.failed') {
    message = 'Malformed JSON body';
  } else if (status < 500) {
    message = err.message;
  }
  if (status >= 500 && req.app.get('log errors')) {
    console.error('[legacy-api-ts] ' + req.method + ' ' + req.originalUrl + ' failed: ' + (err.stack || err));
  }
  if (res.headersSent) return next(err);
  res.status(status).json({ error: message });
});

export default app;
