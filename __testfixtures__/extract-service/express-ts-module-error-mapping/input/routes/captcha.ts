import { type Request, type Response } from 'express';
import { findCaptcha } from '../lib/data';

// NotFound answered as `{ error }`, the app's mapping; Unauthorized with a message translated for the request.
export function getCaptcha() {
  return async (req: Request, res: Response) => {
    if (!req.headers.authorization) {
      res.status(401).send(res.__('You need to be logged in to request a CAPTCHA.'));
      return;
    }
    const id = Number(req.params.id);
    const captcha = await findCaptcha(id);
    if (!captcha) {
      res.status(404).json({ error: 'No captcha ' + id });
      return;
    }
    const question = captcha.question.trim();
    res.json({ id: captcha.id, question });
  };
}

// The module's other handler answers NotFound the same way: both share the app's mapping.
export function getCaptchaHint() {
  return async (req: Request, res: Response) => {
    const id = Number(req.params.id);
    const captcha = await findCaptcha(id);
    if (!captcha) {
      res.status(404).json({ error: 'No captcha ' + id });
      return;
    }
    const hint = captcha.question.split(' ')[0];
    res.json({ hint });
  };
}
