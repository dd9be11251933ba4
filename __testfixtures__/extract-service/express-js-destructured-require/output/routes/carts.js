var express = require('express');
var { TotalsService } = require('../services/totals.service');
var { sendDomainError } = require('./error-responses');

var totalsService = new TotalsService();

var router = express.Router();

// total() comes from a destructured require: the service must require it too.
router.get('/:id/total', async function (req, res) {
  try {
    res.json(await totalsService.getTotal({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
