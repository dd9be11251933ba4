import { Router } from 'express';
import { asyncHandler } from '../lib/asyncHandler';
import { db } from '../db';

export default Router().get(
  '/tags',
  asyncHandler(async (req, res) => {
    res.json({ tags: await db.tags() });
  }),
);
