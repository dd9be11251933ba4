// Business logic of routes/captcha.ts, moved out of its route handlers by remodel extract-service.
import { findCaptcha } from '../lib/data';
import { NotFoundError, UnauthorizedError } from './errors';

export interface GetCaptchaInput {
  authorization: string | undefined;
  idParam: string;
}

export interface GetCaptchaHintInput {
  id: number;
}

export class CaptchasService {
  /**
   * GET /rest/captcha/:id (routes/captcha.ts)
   */
  async getCaptcha(input: GetCaptchaInput) {
    const { authorization, idParam } = input;
    if (!authorization) {
      throw new UnauthorizedError('You need to be logged in to request a CAPTCHA.');
    }
    const id = Number(idParam);
    const captcha = await findCaptcha(id);
    if (!captcha) {
      throw new NotFoundError('No captcha ' + id);
    }
    const question = captcha.question.trim();
    return { id: captcha.id, question };
  }

  /**
   * GET /rest/captcha/:id/hint (routes/captcha.ts)
   */
  async getCaptchaHint(input: GetCaptchaHintInput) {
    const { id } = input;
    const captcha = await findCaptcha(id);
    if (!captcha) {
      throw new NotFoundError('No captcha ' + id);
    }
    const hint = captcha.question.split(' ')[0];
    return { hint };
  }
}
