import type { Request, RequestHandler, Response } from 'express';

export function list(req: Request, res: Response): void {
  res.json([]);
}

export function show(req: Request, res: Response): void {
  res.json({ id: req.params.id });
}

export function remove(req: Request, res: Response): void {
  res.sendStatus(204);
}

export function extra(): Record<string, RequestHandler> {
  return JSON.parse(process.env.EXTRA_ROUTES || '{}');
}
