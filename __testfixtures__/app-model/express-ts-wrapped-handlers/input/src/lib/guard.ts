import type { NextFunction, Request, Response } from 'express';

export const guard = (role: string) => (req: Request, res: Response, next: NextFunction) => {
  if (req.headers['x-role'] !== role) return res.status(403).json({ error: 'forbidden' });
  next();
};
