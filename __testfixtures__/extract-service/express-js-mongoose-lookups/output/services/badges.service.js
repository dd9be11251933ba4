// Business logic of routes/badges.js, moved out of its route handlers by remodel extract-service.
var mongoose = require('mongoose');
var { NotFoundError } = require('./errors');

var Badge = mongoose.model('Badge');

/** @typedef {{ id: any }} GetBadgeInput */

class BadgesService {
  /**
   * GET /badges/:id (routes/badges.js)
   * @param {GetBadgeInput} input
   */
  async getBadge(input) {
    const { id } = input;
    var badge = await Badge.findById(Number(id));
    if (!badge) throw new NotFoundError('no badge');
    return { label: badge.label.toUpperCase() };
  }
}

module.exports = { BadgesService };
