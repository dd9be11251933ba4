import type { Request, Response } from 'express';
import * as db from '../db';

// A class controller: a method and an arrow-function property, wired in routes.ts.
export class UsersController {
  async create(req: Request, res: Response) {
    const { name, email } = req.body;
    if (!email || !email.includes('@')) return res.status(400).json({ error: 'invalid email' });
    const existing = await db.findUserByEmail(email.toLowerCase());
    if (existing) return res.status(409).json({ error: 'email already registered' });
    const user = await db.insertUser({ name, email: email.toLowerCase() });
    res.status(201).json({ id: user.id, email: user.email });
  }

  lookup = async (req: Request, res: Response) => {
    const email = String(req.query.email ?? '');
    const user = await db.findUserByEmail(email.toLowerCase());
    if (!user) return res.status(404).json({ error: 'no user with that email' });
    res.json({ id: user.id, name: user.name });
  };
}
