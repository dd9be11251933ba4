import express, { NextFunction, Request, Response } from 'express';

const router = express.Router();

// Middleware declared with the plain `Request`: Express infers one params / query type for every handler of the
// route, so a params or query DTO declared as an interface (no index signature) would not compile next to it.
const requireUser = (req: Request, res: Response, next: NextFunction) => {
  if (!req.get('authorization')) return res.sendStatus(401);
  next();
};

// GET /items/:id
router.get('/items/:id', requireUser, (req: Request, res: Response) => {
  res.json({ id: req.params.id.toUpperCase() });
});

// GET /items?tag=&limit=
router.get('/items', requireUser, (req: Request, res: Response) => {
  const limit = Number(req.query.limit) || 20;
  res.json({ tag: req.query.tag, limit });
});

// PUT /items/:id { title }
router.put('/items/:id', requireUser, async (req: Request, res: Response) => {
  const title: string = req.body.title;
  res.json({ id: req.params.id, title: title.trim() });
});

export default router;
