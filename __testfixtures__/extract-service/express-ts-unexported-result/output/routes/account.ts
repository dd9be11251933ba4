import { type Request, type Response, type NextFunction } from 'express';
import * as auth from '../lib/sessions';
import { findUser } from '../lib/db';
import { ProfileService } from '../services/profile.service';
import { MailboxService } from '../services/mailbox.service';
import { sendDomainError } from './error-responses';

const profileService = new ProfileService();
const mailboxService = new MailboxService();

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
      res.json(await profileService.getProfile({ session }));
    } catch (error) {
      if (sendDomainError(res, error)) return;
      next(error);
    }
  };
}

// A property read from such a variable, kept before the try too: typed by the same function, indexed by the names read.
export function mailbox() {
  return async (req: Request, res: Response, next: NextFunction) => {
    const session = auth.sessions.get(String(req.headers.token));
    if (!session) {
      next(new Error('Not signed in'));
      return;
    }
    const email = session.user.email;
    try {
      res.json(await mailboxService.getMailbox({ email }));
    } catch (error) {
      if (sendDomainError(res, error)) return;
      next(error);
    }
  };
}

// Left alone: `backup` is optional, and the check before the try narrowed it; the indexed type would still allow
// undefined, which the logic does not expect.
export function backupMailbox() {
  return async (req: Request, res: Response, next: NextFunction) => {
    const session = auth.sessions.get(String(req.headers.token));
    if (!session) {
      next(new Error('Not signed in'));
      return;
    }
    const backup = session.user.backup;
    if (!backup) {
      res.status(404).json({ error: 'No backup mailbox' });
      return;
    }
    try {
      const user = await findUser(1);
      if (!user) {
        res.status(404).json({ error: 'No such user' });
        return;
      }
      res.json({ owner: user.name, address: backup.address });
    } catch (error) {
      next(error);
    }
  };
}
