import { Router, Request, Response, NextFunction } from 'express';
import { UserDocument } from '../models';
import { AccountService } from '../services/account.service';
import { sendDomainError } from './error-responses';

const accountService = new AccountService();

const router = Router();

// The request's own calls (flash, logout) and the redirect stay in the controller, after the service answered.
router.post('/account/delete', (req: Request, res: Response, next: NextFunction) => {
  const user = req.user as UserDocument;
  accountService.deleteAccount({ user })
    .then(() => {
      req.logout();
      req.flash('info', { msg: 'Your account has been deleted.' });
      res.redirect('/');
    }, next)
    .catch((error) => queueMicrotask(() => { throw error; }));
});

// The callback's `user` shadows the handler's: renamed in the service.
router.post('/account/name', (req: Request, res: Response, next: NextFunction) => {
  const user = req.user as UserDocument;
  accountService.createAccountName({ user, body: req.body })
    .then(() => {
      req.flash('success', { msg: 'Name changed.' });
      res.redirect('/account');
    }, (e) => {
      if (!sendDomainError(res, e)) next(e);
    })
    .catch((e) => queueMicrotask(() => { throw e; }));
});

// The handler annotates the API's result `any`: the API's declared result type (UserDocument) proves doc.save.
router.post('/account/touch/:id', (req: Request, res: Response, next: NextFunction) => {
  accountService.touchAccount({ id: req.params.id })
    .then(() => {
      res.redirect('/account');
    })
    .catch(next);
});

export default router;
