import { Router } from 'express';
import * as db from '../db.cjs';

const router = Router();

// A CommonJS TypeScript router (.cts) in an ES-module package: its service and errors modules are .cts too, so that
// they have its module format.
router.post('/', async (req, res) => {
  const { name, email } = req.body;
  if (!email || !email.includes('@')) return res.status(400).json({ error: 'invalid email' });
  const existing = await db.findUserByEmail(email.toLowerCase());
  if (existing) return res.status(409).json({ error: 'email already registered' });
  const user = await db.insertUser({ name, email: email.toLowerCase() });
  res.status(201).json({ id: user.id, email: user.email });
});

export default router;
