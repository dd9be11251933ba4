import type { Request, Response } from 'express';
import { db } from '../db';

export async function createUser(req: Request, res: Response) {
  const { email, name } = req.body;
  if (!email) {
    return res.status(400).json({ error: 'email required' });
  }
  const user = await db.users.insert({ email, name });
  res.status(201).location(`/users/${user.id}`).json(user);
}

export const getUser = async (req: Request, res: Response) => {
  const user = await db.users.find(req.params.id);
  if (!user) return res.status(404).json({ error: 'not found' });
  res.json(user);
};
