var express = require('express');
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

// The response is written inside an error-first callback: awaited as a promise by the service.
router.delete('/:id', function (req, res, next) {
  var id = Number(req.params.id);
  accountsService.deleteAccount({ id })
    .then(function () {
      res.sendStatus(204);
    })
    .catch(next);
});

module.exports = router;
