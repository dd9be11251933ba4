// @ts-check
'use strict';

/**
 * @constructor
 * @param {number} limit
 */
class RateLimiter {
  constructor(limit) {
    /** @type {number} */
    this.limit = limit;
    /** @type {number[]} */
    this.hits = [];
  }

  /**
   * Records a hit; true when it is allowed.
   * @param {number} now
   * @returns {boolean}
   */
  hit(now) {
    this.hits = this.hits.filter((t) => now - t < 1000);
    if (this.hits.length >= this.limit) return false;
    this.hits.push(now);
    return true;
  }
}

module.exports = { RateLimiter };
