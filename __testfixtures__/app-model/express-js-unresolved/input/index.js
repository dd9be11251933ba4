const express = require('express');
const serveStatic = require('serve-static');
const app = express();
const base = process.env.BASE || '/v1';
const handlers = loadHandlers();

app.get(base + '/items', function (req, res) {
  res.json([]);
});
app.get(`${base}/items/:id`, (req, res) => res.json({ id: req.params.id }));
['get', 'post'].forEach(function (method) {
  app[method]('/echo', function (req, res) {
    res.send(req.method);
  });
});
process.env.VERBS.split(',').forEach(function (method) {
  app[method]('/any', function (req, res) {
    res.end();
  });
});
app.get('/static', serveStatic('public'));
app.get('/dynamic', handlers.pick());
app.post('/from-param', pick(handlers));

function pick(h) {
  return h.default;
}

function loadHandlers() {
  return require('./handlers-' + process.env.KIND);
}

module.exports = app;
