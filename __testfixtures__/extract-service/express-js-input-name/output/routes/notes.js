const express = require('express');
const { NotesService } = require('../services/notes.service');
const { DraftService } = require('../services/draft.service');
const { sendDomainError } = require('./error-responses');

const notesService = new NotesService();
const draftService = new DraftService();

const router = express.Router();

// The service method's parameter is not called `input` here: the logic uses a module named so, which it would hide.
router.post('/', async (req, res) => {
  const { text, tag } = req.body;
  const result = await notesService.createNote({ text, tag });
  res.status(201).json(result);
});

// Nor here: the logic declares its own `input`.
router.post('/draft', async (req, res) => {
  const { text } = req.body;
  try {
    const result = await draftService.createDraft({ text });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
