const express = require('express');
const path = require('path');
const fs = require('fs');
const db = require('../db');
const { PrefsService } = require('../services/prefs.service');
const { LabelsService } = require('../services/labels.service');

const prefsService = new PrefsService();
const labelsService = new LabelsService();

const router = express.Router();

// Left alone: __dirname names this folder; from services/ it would name another one.
router.get('/files/:name', (req, res) => {
  const file = path.join(__dirname, 'data', path.basename(req.params.name));
  if (!fs.existsSync(file)) return res.status(404).json({ error: 'no such file' });
  const text = fs.readFileSync(file, 'utf8').trim();
  res.send(text);
});

function templatePath(name) {
  return path.join(__dirname, 'templates', name + '.txt');
}

// Left alone: the helper that would move along uses __dirname.
router.get('/templates/:name', (req, res) => {
  const file = templatePath(path.basename(req.params.name));
  if (!fs.existsSync(file)) return res.status(404).json({ error: 'no such template' });
  res.send(fs.readFileSync(file, 'utf8').trim());
});

// A cookie read only on some paths: the service gets the cookies and reads the field where the logic did.
router.get('/prefs/:id', async (req, res) => {
  const id = Number(req.params.id);
  res.json(await prefsService.getPref({ id, cookies: req.cookies }));
});

// The handler returns the chain: the controller returns it too (Express 5 handles a rethrow of the kept catch).
router.get('/labels/:id', (req, res) => {
  return labelsService.getLabel({ id: req.params.id })
    .then((result) => {
      res.json(result);
    })
    .catch((err) => {
      if (err.code === 'EBUSY') return res.status(503).json({ busy: true });
      throw err;
    });
});

// Left alone: a comment before the chain's catch would be lost.
router.get('/names/:id', (req, res) => {
  db.find(Number(req.params.id))
    .then((item) => res.json({ name: item ? item.label.trim() : null }))
    // a failure of the lookup answers 500 with its message
    .catch((err) => res.status(500).json({ message: err.message }));
});

const handlers = {
  // Left alone: the table is also called by a computed name below, outside Express.
  getThing(req, res, next) {
    const id = Number(req.params.id);
    if (id < 0) {
      next(new Error('negative'));
      return;
    }
    const item = db.peek(id);
    res.json({ thing: item ? item.label.trim() : null });
  },
};
router.get('/things/:id', handlers.getThing);
router.get('/op/:op/:id', (req, res, next) => {
  const name = 'get' + req.params.op;
  setImmediate(() => handlers[name](req, res, next));
});

module.exports = router;
