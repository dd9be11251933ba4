import { type Request, type Response } from 'express';
import { CaptchasService } from '../services/captchas.service';
import { sendDomainError } from './error-responses';

const captchasService = new CaptchasService();

// NotFound answered as `{ error }`, the app's mapping; Unauthorized with a message translated for the request.
export function getCaptcha() {
  return async (req: Request, res: Response) => {
    try {
      res.json(await captchasService.getCaptcha({ authorization: req.headers.authorization, idParam: req.params.id }));
    } catch (err) {
      if (!sendDomainError(res, err)) throw err;
    }
  };
}

// The module's other handler answers NotFound the same way: both share the app's mapping.
export function getCaptchaHint() {
  return async (req: Request, res: Response) => {
    const id = Number(req.params.id);
    try {
      res.json(await captchasService.getCaptchaHint({ id }));
    } catch (err) {
      if (!sendDomainError(res, err)) throw err;
    }
  };
}
