var express = require('express');
var db = require('../db');
var { ReposService, userRepos } = require('../services/repos.service');
var { UsersService } = require('../services/users.service');

var reposService = new ReposService();
var usersService = new UsersService();
var router = express.Router();

// The logic computes one value; the choice between answering and handing on stays in the controller.
router.get('/user/:name/repos', function (req, res, next) {
  var name = req.params.name;
  var user = reposService.listRepos({ name });

  if (user) res.send(user);
  else next();
});

// The same with a data call and the not-found answer handed on as an error.
router.get('/user/:name', function (req, res, next) {
  var name = req.params.name;
  var found = usersService.getUser({ name });
  if (!found) return next(new Error('no user ' + name));
  else return res.json(found);
});

// Unchanged: the choice uses a second value of the logic (success-response-needs-logic-values).
router.get('/user/:name/first', function (req, res, next) {
  var name = req.params.name;
  var list = (userRepos[name] || []).slice();
  var first = list[0];
  if (first) res.send({ first: first, count: list.length });
  else next();
});

// Unchanged: the logic may return before the choice (a response-not-in-tail, as before).
router.get('/maybe/:name', function (req, res, next) {
  var name = req.params.name;
  if (name === 'admin') return next();
  var user = userRepos[name];
  if (user) res.send(user);
  else next();
});

// Unchanged: the value comes from one call already (already-thin).
router.get('/thin/:name', function (req, res, next) {
  var user = db.find(req.params.name);
  if (user) res.json(user);
  else next();
});

module.exports = router;
