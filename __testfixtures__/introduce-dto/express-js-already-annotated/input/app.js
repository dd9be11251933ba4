const express = require('express');

const app = express();

/** @param {import('express').Request<{ id: string }>} req */
function getThing(req, res) {
  res.json({ id: req.params.id });
}

app.get('/things/:id', getThing);

// Echo: the whole body is handed on, so nothing is claimed about it.
app.post('/echo', function (req, res) {
  res.json(req.body);
});

module.exports = app;
