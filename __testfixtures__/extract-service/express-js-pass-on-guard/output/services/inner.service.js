// Business logic of routes/feedback.js, moved out of its route handlers by remodel extract-service.

/** @typedef {{ boom: any }} CreateInnerInput */

class InnerService {
  /**
   * POST /inner (routes/feedback.js)
   * @param {CreateInnerInput} input
   */
  createInner(input) {
    const { boom } = input;
    if (boom) throw new Error('after the inner guard');
    return { ok: true };
  }
}

module.exports = { InnerService };
