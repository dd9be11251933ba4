// Business logic of routes/repos.js, moved out of its route handlers by remodel extract-service.

var repos = [{ name: 'express' }, { name: 'stylus' }];
var userRepos = { tobi: [repos[0], repos[1]], loki: [repos[1]] };

/** @typedef {{ name: any }} ListReposInput */

class ReposService {
  /**
   * GET /user/:name/repos (routes/repos.js)
   * @param {ListReposInput} input
   */
  listRepos(input) {
    var { name } = input;
    var user = userRepos[name];
    return user;
  }
}

module.exports = { ReposService, userRepos };
