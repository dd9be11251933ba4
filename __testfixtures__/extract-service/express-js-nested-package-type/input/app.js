import express from 'express';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const app = express();
app.use('/', require('./api/things.js'));

export default app;
