var express = require('express');
var thingsService = require('../services/things.service');
var db = require('../db');
var router = express.Router();

// Already thin: one service call and the response. Nothing to extract.
router.get('/:id', async function (req, res) {
  var id = Number(req.params.id);
  res.json(await thingsService.getThing(id));
});

// A rewrite of the request handed on with next(): one call (next() is the exit, like a response), already thin.
router.get('/:kind/:id/:nested', function (req, res, next) {
  var prop = db.singular(req.params.kind);
  req.query[prop + 'Id'] = req.params.id;
  req.url = '/' + req.params.nested;
  next();
});

// Only a choice of answer from a request value (the response's own calls): nothing for a service, already thin.
router.post('/remember', function (req, res) {
  var minute = 60000;
  if (req.body.remember) res.cookie('remember', 1, { maxAge: minute });
  res.redirect('back');
});

// No parameters: touches neither request nor response (not a module without type information).
router.get('/boom', function () {
  throw new Error('something broke!');
});

module.exports = router;
