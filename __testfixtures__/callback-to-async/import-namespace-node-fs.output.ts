import express, { type NextFunction, type Request, type Response } from 'express';
import * as fs from 'node:fs';

export const router = express.Router();

// Typed callback parameters keep their type on the `let`.
router.get('/notes/:id', async (req: Request, res: Response, next: NextFunction) => {
  const file = `notes/${req.params.id}.md`;
  let body: string;
  try {
    body = await fs.promises.readFile(file, 'utf8');
  } catch (err) {
    return next(err);
  }
  res.type('text/markdown').send(body);
});
