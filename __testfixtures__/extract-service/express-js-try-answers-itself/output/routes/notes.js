const express = require('express');
const db = require('../db');
const { NotesService } = require('../services/notes.service');
const { sendDomainError } = require('./error-responses');

const notesService = new NotesService();

const router = express.Router();

// Validation before a try whose catch answers by itself: the validation cannot throw, so the catch, kept around the
// service call and the response, receives what it received before (and answers the 400 first, as a domain error).
router.post('/', async (req, res) => {
  const { title, owner } = req.body;
  try {
    const result = await notesService.createNote({ title, owner });
    res.status(201).json(result);
  } catch (err) {
    if (sendDomainError(res, err)) return;
    console.error(err);
    res.status(500).json({ error: err.message });
  }
});

// A synchronous handler: the same.
router.get('/count', function (req, res) {
  const min = req.query.min;
  try {
    res.json(notesService.getNotesCount({ min }));
  } catch (e) {
    if (sendDomainError(res, e)) return;
    res.status(500).send('failed');
  }
});

// Left alone: a call before the try may throw; around the service call the catch would answer that too.
router.post('/audited', async (req, res) => {
  const what = db.audit(req.body.note);
  try {
    const note = await db.insert({ title: what });
    res.status(201).json(note);
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});

// A request read at the top stays in the controller, where the kept catch still reads it.
router.get('/:id', async (req, res) => {
  const label = req.query.long === 'yes' ? 'a note' : 'note';
  try {
    res.json(await notesService.getNote({ label, id: req.params.id }));
  } catch (err) {
    res.status(500).json({ error: 'cannot read ' + label });
  }
});

// The catch reads a value declared before the try, so the logic cannot move as a whole (the value would go to the
// service): the statements before the try stay in the controller as they are, and the try's logic moves.
router.get('/:id/title', async (req, res) => {
  const id = req.params.id;
  if (id === '0') return res.status(404).json({ error: 'no note 0' });
  const fallback = 'untitled';
  try {
    res.json(await notesService.getNoteTitle({ id, fallback }));
  } catch (err) {
    res.status(500).json({ error: 'no title, ' + fallback });
  }
});

// Left alone: `req.user.name` before the try throws without a signed-in user, outside the try; read by the
// controller inside its try, the catch would answer it.
router.post('/mine', async (req, res) => {
  if (!req.user.name) {
    return res.status(401).json({ error: 'who are you?' });
  }
  try {
    const note = await db.insert({ title: 'mine', owner: req.user.name });
    res.status(201).json(note);
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});

// Left alone: `req.body.title` before the tail try throws when no body parser ran (req.body is undefined): outside
// the try, not answered; read by the controller inside its try, the kept catch would answer it.
router.post('/titled', async (req, res) => {
  if (!req.body.title) {
    return res.status(400).json({ error: 'title is required' });
  }
  try {
    const note = await db.insert({ title: req.body.title });
    res.status(201).json(note);
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});

// Left alone: a value the statements before the try declare is assigned inside it and read by the catch. Kept in the
// controller, the catch would read the old value while the service changed its own copy.
router.get('/:id/step', async (req, res) => {
  const id = Number(req.params.id);
  if (id === 0) return res.status(404).json({ error: 'no note 0' });
  let step = 'start';
  try {
    step = 'find';
    const note = await db.find(id);
    step = 'title';
    if (!note) throw new Error('missing');
    res.json({ title: note.title.toUpperCase() });
  } catch (err) {
    res.status(500).json({ error: 'failed at ' + step });
  }
});

// Left alone: the same through a destructuring assignment, and through a callback set up before the try.
router.get('/:id/later', async (req, res) => {
  const id = Number(req.params.id);
  if (id === 0) return res.status(404).json({ error: 'no note 0' });
  let seen = 'none';
  db.all().then(function (all) { seen = String(all.length); });
  try {
    let found;
    ({ found } = { found: await db.find(id) });
    if (!found) throw new Error('missing');
    res.json({ seen: seen, title: found.title.toUpperCase() });
  } catch (err) {
    res.status(500).json({ error: err.message + ' ' + seen });
  }
});

module.exports = router;
