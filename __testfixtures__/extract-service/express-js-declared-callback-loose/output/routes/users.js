const express = require('express');
const { UsersService, db } = require('../services/users.service');
const { sendDomainError } = require('./error-responses');

const usersService = new UsersService();

const router = express.Router();

// the client's callback declares `err: QueryError` (SqlError | null) and the project has no tsconfig (no
// strictNullChecks): the declaration, not the checker's type, says the error may be absent
router.get('/:id', function (req, res, next) {
  usersService.getUser({ id: req.params.id })
    .then(function (rows) {
      res.json(rows);
    }, function (e) {
      if (!sendDomainError(res, e)) next(e);
    })
    .catch(function (e) { queueMicrotask(function () { throw e; }); });
});

router.post('/', function (req, res, next) {
  var name = req.body.name;
  usersService.createUser({ name })
    .then(function (result) {
      res.status(201).json({ id: result.insertId, name: name });
    }, function (e) {
      if (!sendDomainError(res, e)) next(e);
    })
    .catch(function (e) { queueMicrotask(function () { throw e; }); });
});

// `err?: SqlError`: optional, so it may be absent too
router.get('/', function (req, res, next) {
  usersService.listUsers()
    .then(function (row) {
      res.json({ first: row });
    }, next)
    .catch(function (error) { queueMicrotask(function () { throw error; }); });
});

// `err: SqlError` without null: not an error-first callback as declared (stays)
router.get('/:id/count', function (req, res, next) {
  db.count('SELECT COUNT(*) FROM users', function (err, total) {
    if (err) return next(err);
    res.json({ total: total });
  });
});

module.exports = router;
