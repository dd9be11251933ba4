import { Router, Request, Response, NextFunction } from 'express';
import { User, UserDocument } from '../models';

const router = Router();

// req.logout() may throw, uncaught inside the callback today. Kept in the controller after the service, a throw would
// be an unhandled rejection (no engines.node of 15 or later: maybe only a warning) and must be rethrown outside the
// promise, but this program declares neither `process` nor `queueMicrotask` (no @types/node, no DOM lib): left alone.
router.post('/account/delete', (req: Request, res: Response, next: NextFunction) => {
  const user = req.user as UserDocument;
  User.remove({ _id: user.id }, (err) => {
    if (err) { return next(err); }
    req.logout();
    res.redirect('/');
  });
});

export default router;
