const express = require('express');
const { ItemsService } = require('./services/items.service');
const { NotesService } = require('./services/notes.service');
const { sendDomainError } = require('./error-responses');

const itemsService = new ItemsService();
const notesService = new NotesService();

const app = express();

// Express 5 hands a rejected handler promise to next: a throw outside the try reached next already.
app.put('/items/:id', async (req, res, next) => {
  const id = Number(req.params.id);
  try {
    res.json(await itemsService.replaceItem({ id }));
  } catch (e) {
    if (!sendDomainError(res, e)) next(e);
  }
});

// Express 5 too: `next(new Error(…)); return` becomes a throw, the rejection reaches next.
app.post('/items/:id/touch', async (req, res, next) => {
  const id = Number(req.params.id);
  try {
    res.json(await itemsService.touchItem({ id }));
  } catch (err) {
    next(err);
  }
});

// Express 5 leaves req.body undefined without a body: `req.body.note`, read after db.create, passes the body itself,
// so a missing body still throws after the create, as before.
app.post('/notes', async (req, res) => {
  const kind = String(req.query.kind || 'note');
  try {
    const result = await notesService.createNote({ kind, body: req.body });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = app;
