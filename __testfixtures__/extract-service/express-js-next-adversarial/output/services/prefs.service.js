// Business logic of routes/more.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');

/** @typedef {{ id: number, cookies: any }} GetPrefInput */

class PrefsService {
  /**
   * GET /prefs/:id (routes/more.js)
   * @param {GetPrefInput} input
   */
  async getPref(input) {
    const { id, cookies } = input;
    const item = await db.find(id);
    const theme = item && item.id > 1 ? cookies.theme : 'plain';
    const label = item ? item.label.trim() : '';
    return { id, theme, label };
  }
}

module.exports = { PrefsService };
