import expressJwt from 'express-jwt';
import type { Request, Response, NextFunction } from 'express';

const publicKey = 'public';

// factories whose returned middleware is a package's function
export const isAuthorized = () => expressJwt({ secret: publicKey });
export const denyAll = () => expressJwt({ secret: String(Math.random()) });

// a factory returning either a package's function or its own: not known
export function maybeAuthorized(strict: boolean) {
  if (strict) return expressJwt({ secret: publicKey });
  return (req: Request, res: Response, next: NextFunction) => next();
}

export function appendUserId() {
  return (req: Request, res: Response, next: NextFunction) => {
    req.body.UserId = req.headers['x-user'];
    next();
  };
}
