// Things: the other router of the app.
'use strict';

var router = require('express').Router();
var { ThingsService } = require('../services/things.service');

var thingsService = new ThingsService();

// Both requires move to the service; the first one's comment goes with it. The module is strict after its header
// comment, and so is the service.
router.get('/:id', async function (req, res) {
  res.json(await thingsService.getThing({ id: req.params.id }));
});

module.exports = router;
