import type { NextFunction, Request, RequestHandler, Response } from 'express';

export function asyncHandler(fn: RequestHandler): RequestHandler {
  return async function wrapped(req: Request, res: Response, next: NextFunction) {
    try {
      await fn(req, res, next);
    } catch (err) {
      next(err);
    }
  };
}
