// Business logic of routes/feedback.js, moved out of its route handlers by remodel extract-service.
const captchas = require('../captchas');
const { UnauthorizedError } = require('./errors');

const feedback = [];

/** @typedef {{ captchaId: any, captchaBody: any }} VerifyCaptchaInput */

/** @typedef {{ boom: any, comment: any }} CreateFeedbackInput */

class FeedbackService {
  /**
   * POST / (routes/feedback.js)
   * @param {VerifyCaptchaInput} input
   */
  async verifyCaptcha(input) {
    const { captchaId, captchaBody } = input;
    const captcha = await captchas.find(captchaId);
    if (captcha && captchaBody === captcha.answer) {
      return;
    } else {
      throw new UnauthorizedError('Wrong answer to CAPTCHA');
    }
  }

  /**
   * POST / (routes/feedback.js)
   * @param {CreateFeedbackInput} input
   */
  createFeedback(input) {
    const { boom, comment } = input;
    if (boom) throw new Error('after the guard');
    feedback.push(comment);
    return { count: feedback.length };
  }
}

module.exports = { FeedbackService, feedback };
