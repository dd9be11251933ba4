import express, { type NextFunction, type Request, type Response } from 'express';
import * as fs from 'node:fs';

export const router = express.Router();

// Typed callback parameters keep their type on the `let`.
router.get('/notes/:id', (req: Request, res: Response, next: NextFunction) => {
  const file = `notes/${req.params.id}.md`;
  fs.readFile(file, 'utf8', (err: NodeJS.ErrnoException | null, body: string) => {
    if (err) {
      return next(err);
    }
    res.type('text/markdown').send(body);
  });
});
