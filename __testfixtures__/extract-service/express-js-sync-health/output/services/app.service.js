// Business logic of app.js, moved out of its route handlers by remodel extract-service.
var stats = require('../stats');
var { respond } = require('./http-result');

var VERSION = '1.2.3';

class AppService {
  /**
   * GET /health (app.js)
   */
  getHealth() {
    var counts = stats.counts();
    var healthy = counts.users >= 0;
    return respond().status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'down', version: VERSION, users: counts.users });
  }
}

module.exports = { AppService };
