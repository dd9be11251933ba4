var express = require('express');
var db = require('../db');
var { AccountsService } = require('../services/accounts.service');
var { sendDomainError } = require('./error-responses');

var accountsService = new AccountsService();

var router = express.Router();

router.get('/:id', async function (req, res) {
  var id = Number(req.params.id);
  try {
    res.json(await accountsService.getAccount({ id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// Left alone: the response is written inside a Node-style callback.
router.delete('/:id', function (req, res, next) {
  var id = Number(req.params.id);
  db.remove(id, function (err) {
    if (err) return next(err);
    res.sendStatus(204);
  });
});

module.exports = router;
