import { Router, Request, Response, NextFunction } from 'express';
import { User, UserDocument, CallbackError } from '../models';
import { AccountService } from '../services/account.service';

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
    .catch((error) => process.nextTick(() => { throw error; }));
});

// The callback's `user` shadows the handler's: renamed in the service.
router.post('/account/name', (req: Request, res: Response, next: NextFunction) => {
  const user = req.user as UserDocument;
  User.findById(user.id, (err: CallbackError, user: UserDocument | null) => {
    if (err) { return next(err); }
    if (!user) { return res.status(404).json({ error: 'no such user' }); }
    user.name = req.body.name || '';
    user.save((err: CallbackError) => {
      if (err) { return next(err); }
      req.flash('success', { msg: 'Name changed.' });
      res.redirect('/account');
    });
  });
});

// The handler annotates the API's result `any`: the API's declared result type (UserDocument) proves doc.save.
router.post('/account/touch/:id', (req: Request, res: Response, next: NextFunction) => {
  User.findById(req.params.id, (err: CallbackError, doc: any) => {
    if (err) { return next(err); }
    doc.name = doc.name + '!';
    doc.save((err: CallbackError) => {
      if (err) { return next(err); }
      res.redirect('/account');
    });
  });
});

// What stays in the controller reads the callback's value (which shadows the handler's `user`): the service returns
// it, under the name it has there.
router.get('/account/card', (req: Request, res: Response, next: NextFunction) => {
  const user = req.user as UserDocument;
  accountService.getAccountCard({ user })
    .then((user) => {
      req.flash('info', { msg: 'Your card.' });
      res.render('account/card', { name: user ? user.name.toUpperCase() : 'nobody' });
    }, next)
    .catch((error) => process.nextTick(() => { throw error; }));
});

export default router;
