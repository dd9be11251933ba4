var express = require('express');
var { TeamsService } = require('../services/teams.service');
var { sendDomainError } = require('./error-responses');

var teamsService = new TeamsService();

var router = express.Router();

router.get('/:id', async function (req, res) {
  try {
    res.json(await teamsService.getTeam({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
