import express from 'express';
import routes from './routes';
import admin from './routes/admin';

const app = express();
const sections = [{ prefix: '/admin', router: admin }] as const;

app.use(express.json());
app.use(routes);
for (const section of sections) {
  app.use(section.prefix, section.router);
}

export default app;
