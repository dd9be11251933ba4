// Business logic of routes/captcha.ts, moved out of its route handlers by remodel extract-service.
import { findCaptcha } from '../lib/data.js';
import { NotFoundError } from './errors.js';

export interface ListHintsInput {
  id: number;
}

export class HintsService {
  /**
   * GET /rest/captcha/:id/hint (routes/captcha.ts)
   */
  async listHints(input: ListHintsInput) {
    const { id } = input;
    const captcha = await findCaptcha(id);
    if (!captcha) {
      throw new NotFoundError('No captcha ' + id);
    }
    const hint = captcha.question.split(' ')[0];
    return { hint };
  }
}
