import { Router, Request, Response, NextFunction } from 'express';
import { User, UserDocument } from '../models';
import { ResetService } from '../services/reset.service';
import { SignupService } from '../services/signup.service';

const resetService = new ResetService();
const signupService = new SignupService();

const router = Router();

// The query chain (exec, proven error-first by its declared overload) moves into the service; the choice of answer,
// which calls the request (flash), stays in the controller as written and reads the value the service returns.
router.get('/reset/:token', (req: Request, res: Response, next: NextFunction) => {
  resetService.getReset({ token: req.params.token })
    .then((user) => {
      if (!user) {
        req.flash('errors', { msg: 'Password reset token is invalid or has expired.' });
        return res.redirect('/forgot');
      }
      res.render('account/reset', { title: 'Password Reset' });
    }, next)
    .catch((error) => process.nextTick(() => { throw error; }));
});

// A condition that calls something is logic, not a choice of answer: left alone.
router.get('/reset-check/:token', (req: Request, res: Response, next: NextFunction) => {
  User.findOne({ resetToken: req.params.token }).exec((err, user) => {
    if (err) { return next(err); }
    if (!user || user.email.endsWith('@example.org')) {
      req.flash('errors', { msg: 'Password reset token is invalid or has expired.' });
      return res.redirect('/forgot');
    }
    res.render('account/reset', { title: 'Password Reset' });
  });
});

// An early answer (the address is taken) before the rest of the logic: the service returns there with the values
// the controller's copy of the check reads; the request call that ends the chain (logIn, answering in its own
// callback) stays in the controller as written.
router.post('/signup', (req: Request, res: Response, next: NextFunction) => {
  signupService.createSignup({ email: req.body.email })
    .then(({ existingUser, user }) => {
      if (existingUser) {
        req.flash('errors', { msg: 'Account with that email address already exists.' });
        return res.redirect('/signup');
      }
      req.logIn(user, (err) => {
        if (err) { return next(err); }
        res.redirect('/');
      });
    }, next)
    .catch((error) => process.nextTick(() => { throw error; }));
});

// An early answer through the request with nothing kept after it (the JSON answer of the last callback, which
// cannot throw, takes the ordinary way): it cannot stay in the controller alone, left alone.
router.post('/signup.json', (req: Request, res: Response, next: NextFunction) => {
  const user = new UserDocument(String(Date.now()), req.body.email);
  User.byEmail(req.body.email, (err, existingUser) => {
    if (err) { return next(err); }
    if (existingUser) {
      req.flash('errors', { msg: 'Account with that email address already exists.' });
      return res.redirect('/signup');
    }
    user.save((err) => {
      if (err) { return next(err); }
      res.json({ created: true });
    });
  });
});

// The same in an async handler (Express 4 ignores the promise it returns): a throw of `new UserDocument(…)` rejected
// that promise, unhandled; from the service it would reach next(err). Not proven not to throw: left alone.
router.post('/signup-async', async (req: Request, res: Response, next: NextFunction) => {
  const user = new UserDocument(String(Date.now()), req.body.email);
  User.byEmail(req.body.email, (err, existingUser) => {
    if (err) { return next(err); }
    if (existingUser) {
      req.flash('errors', { msg: 'Account with that email address already exists.' });
      return res.redirect('/signup');
    }
    user.save((err) => {
      if (err) { return next(err); }
      res.redirect('/');
    });
  });
});

export default router;
