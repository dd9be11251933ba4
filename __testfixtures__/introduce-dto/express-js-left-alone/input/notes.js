import express from 'express';
import { audit } from './audit.js';

export const router = express.Router();
const handlers = {
  list: (req, res) => res.json({ page: req.query.page }),
};
const view = process.env.NOTES_VIEW || 'list';

// The whole chain is spread from a list that is not a literal array.
router.post('/notes/import', ...audit.chain);

// A computed member: the handler cannot be followed.
router.get('/notes', handlers[view]);

// A package middleware is the last argument.
router.get('/notes/files', express.static('uploads'));

// The body is collected with a rest element.
router.put('/notes/:noteId', (req, res) => {
  const { title, ...rest } = req.body;
  res.json({ id: req.params.noteId, title, extra: Object.keys(rest) });
});

// The body is spread into another object.
router.patch('/notes/:noteId', (req, res) => {
  const note = { ...req.body, updatedAt: Date.now() };
  res.json(note);
});

// A factory that returns one of several functions: which one is not known before the app runs.
const pick = (flag) => (flag ? handlers.list : (req, res) => res.json({ all: req.query.all }));
router.get('/notes/picked', pick(process.env.NOTES_PICK));
