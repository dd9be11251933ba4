// Business logic of routes/teams.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetTeamInput */

class TeamsService {
  /**
   * GET /:id (routes/teams.js)
   * @param {GetTeamInput} input
   */
  async getTeam(input) {
    const { id } = input;
    var team = await db.find(Number(id));
    if (!team) throw new NotFoundError('no team');
    return { team: team.name.toUpperCase(), size: (await db.all()).length };
  }
}

module.exports = { TeamsService };
