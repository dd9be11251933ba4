import express from 'express';

const app = express();

app.get('/health', (req, res) => {
  res.json({ ok: true, method: req.method });
});

app.get('/ping', (_req, res) => res.send('pong'));

export default app;
