var express = require('express');
var db = require('../db');
var { UsersService } = require('../services/users.service');
var { RolesService } = require('../services/roles.service');
var { sendDomainError } = require('./error-responses');

var usersService = new UsersService();
var rolesService = new RolesService();
var router = express.Router();

// A chain without a catch: its failures were unhandled rejections, and stay so; the 404 becomes a domain error the
// controller answers.
router.get('/:id', function (req, res) {
  usersService.getUser({ id: req.params.id })
    .then(function (result) {
      res.json(result);
    })
    .catch(function (err) {
      if (!sendDomainError(res, err)) throw err;
    });
});

// The last then's rejection callback answers the failure of the query: it becomes the domain error, and a throw of
// the success callback stays unhandled as before (the rejection callback never saw it).
router.get('/role/:role', function (req, res) {
  var role = String(req.params.role).toLowerCase();
  rolesService.getRole({ role })
    .then(function (result) {
      res.json(result);
    })
    .catch(function (err) {
      if (!sendDomainError(res, err)) throw err;
    });
});

// Returned to the router, with a check before the chain: the service throws that answer synchronously, before it
// returns the chain, and the controller still returns the chain.
router.get('/:id/name', function (req, res) {
  try {
    return usersService.getUserName({ id: req.params.id })
      .then(function (result) {
        res.send(result);
      })
      .catch(function (err) {
        if (!sendDomainError(res, err)) throw err;
      });
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// Left alone: the logic awaits before the chain, so a throw before it would become a rejection of the service.
router.get('/:id/role', async function (req, res) {
  var user = await db.find(req.params.id);
  db.query(user ? user.role : 'none').then(function (found) {
    res.json({ count: found.length });
  });
});

// Left alone: the chain is inside a branch, not the last statement of the logic.
router.get('/:id/maybe', function (req, res) {
  if (req.query.full) {
    db.find(req.params.id).then(function (user) {
      res.json({ user: user });
    });
  } else {
    res.json({ user: null });
  }
});

router.get('/', function (req, res) {
  res.json(db.calls.splice(0));
});

module.exports = router;
