import { Router, Request, Response, NextFunction } from 'express';
import { User, UserDocument } from '../models';
import { ResetsService } from '../services/resets.service.js';

const resetsService = new ResetsService();

const router = Router();

// The query chain (exec, proven error-first by its declared overload) moves into the service; the choice of answer,
// which calls the request (flash), stays in the controller as written and reads the value the service returns.
router.get('/reset/:token', (req: Request, res: Response, next: NextFunction) => {
  resetsService.getReset({ token: req.params.token })
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

export default router;
