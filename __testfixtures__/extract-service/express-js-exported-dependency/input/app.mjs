import express from 'express';
import * as db from './db.mjs';

const app = express();

// The logic uses `publicUser`, which the router module exports (exported-dependency).
export function publicUser(user) {
  return { id: user.id, name: user.name };
}

app.get('/users/:id', async function (req, res) {
  const id = Number(req.params.id);
  const user = await db.find(id);
  if (!user) return res.status(404).json({ error: 'no user ' + id });
  const view = publicUser(user);
  res.json(view);
});

export default app;
