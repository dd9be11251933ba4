var express = require('express');
var thingsService = require('../services/things.service');
var router = express.Router();

// Already thin: one service call and the response. Nothing to extract.
router.get('/:id', async function (req, res) {
  var id = Number(req.params.id);
  res.json(await thingsService.getThing(id));
});

module.exports = router;
