var express = require('express');
var db = require('./db');

var app = express();
var audited = [];

// The handler never answers (the request hangs): nothing to move the response around (no-response-in-logic).
app.post('/users/:id/touch', async function (req, res) {
  var id = Number(req.params.id);
  var user = await db.find(id);
  await db.save(Object.assign({}, user, { touched: Date.now() }));
});

// Registered on its own before the handler that answers, it never uses the response and hands on with next:
// middleware of the route, kept as it is (middleware-kept).
app.post('/users', function (req, res, next) {
  var name = req.body && req.body.name;
  if (name) audited.push(name.trim());
  next();
});

// The same for a loader that sets a request property or hands an error on.
app.all('/users/:id/:op?', function (req, res, next) {
  var id = Number(req.params.id);
  req.user = audited[id];
  if (req.user) {
    next();
  } else {
    var err = new Error('cannot find user ' + id);
    err.status = 404;
    next(err);
  }
});

// `req.res` is the response: this one answers, so it is no middleware (no-response-in-logic, as the walk sees no answer).
app.put('/users/:id', function (req, res, next) {
  audited.push(req.params.id);
  if (!req.body) return next();
  req.res.json(audited);
});

app.post('/users', function (req, res) {
  res.status(201).json({ count: audited.length });
});

// A function given the request may answer through req.res: not known to be middleware (no-response-in-logic).
function audit(r) {
  if (r.query.stop) r.res.status(204).end();
}
app.post('/users/:id/audit', function (req, res, next) {
  var id = Number(req.params.id);
  audited.push(id);
  audit(req);
  if (!req.query.stop) next();
});

module.exports = app;
