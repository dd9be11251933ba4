const express = require('express');
const auth = require('./auth');
const { createUser } = require('./handlers');

const app = express();

function validate(req, res, next) {
  if (!req.body || !req.body.text) return res.status(400).json({ error: 'text required' });
  next();
}

const guarded = [auth.requireUser, validate];

app.post('/users', createUser());
app.post('/patients/:id/notes', auth.requireRole('doctor'), validate, function (req, res) {
  res.status(201).json({ by: req.user.id, text: req.body.text, patient: req.params.id });
});
app.put('/notes/:id', [auth.requireUser, validate], (req, res) => res.json({ id: req.params.id }));
app.patch('/notes/:id', guarded, (req, res) => res.json({ ok: true }));
app.delete('/notes/:id', ...guarded, (req, res) => res.sendStatus(204));

module.exports = app;
