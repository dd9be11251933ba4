import { type Request, type Response, type NextFunction } from 'express';
import * as auth from '../lib/sessions';
import { findUser } from '../lib/db';

// The guard before the final try stays in the controller; the try's logic moves, and `session`, of a type its
// module does not export, is typed in the service by the function that returned it (NonNullable: the guard ruled
// out undefined).
export function profile() {
  return async (req: Request, res: Response, next: NextFunction) => {
    const session = auth.sessions.get(String(req.headers.token));
    if (!session) {
      next(new Error('Not signed in'));
      return;
    }
    try {
      const user = await findUser(session.user.id);
      if (!user) {
        res.status(404).json({ error: 'No such user' });
        return;
      }
      res.json({ id: user.id, name: user.name, email: session.user.email });
    } catch (error) {
      next(error);
    }
  };
}
