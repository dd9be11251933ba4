var db = require('../db');

exports.list = function (req, res) {
  db.all('users', function (err, rows) {
    if (err) return res.status(500).json({ error: err.message });
    res.json(rows);
  });
};

exports.create = function create(req, res, next) {
  var name = req.body.name;
  db.insert('users', { name: name }, function (err, row) {
    if (err) return next(err);
    res.status(201).json(row);
  });
};
