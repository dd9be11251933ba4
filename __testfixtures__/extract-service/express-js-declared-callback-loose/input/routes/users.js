const express = require('express');
const sqlclient = require('sqlclient');

const db = sqlclient.connect();
const router = express.Router();

// the client's callback declares `err: QueryError` (SqlError | null) and the project has no tsconfig (no
// strictNullChecks): the declaration, not the checker's type, says the error may be absent
router.get('/:id', function (req, res, next) {
  db.query('SELECT * FROM users WHERE id = ?', [req.params.id], function (err, rows) {
    if (err) return next(err);
    if (!rows) return res.status(404).json({ error: 'no such user' });
    res.json(rows);
  });
});

router.post('/', function (req, res, next) {
  var name = req.body.name;
  if (!name) return res.status(400).json({ error: 'name is required' });
  db.query('INSERT INTO users (name) VALUES (?)', [name], function (err, result) {
    if (err) return next(err);
    res.status(201).json({ id: result.insertId, name: name });
  });
});

// `err?: SqlError`: optional, so it may be absent too
router.get('/', function (req, res, next) {
  db.lookup('SELECT * FROM users LIMIT 1', function (err, row) {
    if (err) return next(err);
    res.json({ first: row });
  });
});

// `err: SqlError` without null: not an error-first callback as declared (stays)
router.get('/:id/count', function (req, res, next) {
  db.count('SELECT COUNT(*) FROM users', function (err, total) {
    if (err) return next(err);
    res.json({ total: total });
  });
});

module.exports = router;
