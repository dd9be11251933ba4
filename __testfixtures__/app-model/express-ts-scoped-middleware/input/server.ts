import express, { type Request, type Response, type NextFunction } from 'express';
import serveIndex from 'serve-index';
import * as security from './lib/security';
import { restoreFiles } from './lib/startup';
import { placeOrder, securityTxt } from './routes/order';

const app = express();

// a route for several paths at once
app.get(['/.well-known/security.txt', '/security.txt'], securityTxt());

restoreFiles().then(() => {
  const relativeLinks = (req: Request, res: Response, next: NextFunction) => {
    res.locals.base = req.originalUrl;
    next();
  };
  // path-scoped middleware, not routers
  app.use('/ftp', relativeLinks, serveIndex('ftp', { icons: true }));
  app.use('/rest/basket', security.isAuthorized(), security.appendUserId());
  app.use('/api/Secrets/:id', security.denyAll());
  app.use('/api/Maybe', security.maybeAuthorized(true));

  // routes whose only function is a package's middleware
  app.get('/api/Users', security.isAuthorized());
  app.delete('/api/Users/:id', security.denyAll());

  app.post('/rest/basket/:id/checkout', security.isAuthorized(), placeOrder());
});

export default app;
