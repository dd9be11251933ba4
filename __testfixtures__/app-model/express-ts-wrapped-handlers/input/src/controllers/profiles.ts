import type { Request, Response } from 'express';
import { asyncHandler } from '../lib/asyncHandler';
import { db } from '../db';

export const getProfile = asyncHandler(async (req: Request, res: Response) => {
  res.json({ profile: await db.profile(req.params.username) });
});

async function follow(req: Request, res: Response) {
  await db.follow(req.params.username);
  res.status(204).end();
}

export const followProfile = asyncHandler(follow);
