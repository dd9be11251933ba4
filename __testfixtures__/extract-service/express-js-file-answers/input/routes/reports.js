const path = require('path');
const express = require('express');
const db = require('../db');

const router = express.Router();
const FILES = path.join(__dirname, '..', 'files');

// The file answers stay in the controller, word for word, after the service call: their arguments are module values
// and request reads, not values of the logic.
router.get('/:id/view', async (req, res) => {
  const report = await db.find(req.params.id);
  if (!report) return res.status(404).json({ error: 'No such report' });
  await db.countView(report);
  res.sendFile(path.join(FILES, 'summary.txt'));
});

router.get('/:id/download', async (req, res) => {
  const report = await db.find(req.params.id);
  if (!report) return res.status(404).json({ error: 'No such report' });
  await db.countView(report);
  res.download(path.join(FILES, 'summary.txt'), req.params.id + '.txt');
});

// Left alone: which file is sent is computed by the logic.
router.get('/:id/raw', async (req, res) => {
  const report = await db.find(req.params.id);
  if (!report) return res.status(404).json({ error: 'No such report' });
  res.sendFile(path.join(FILES, report.title + '.txt'));
});

// Left alone: the callback answers a failure to send through next.
router.get('/:id/checked', async (req, res, next) => {
  const report = await db.find(req.params.id);
  if (!report) return res.status(404).json({ error: 'No such report' });
  res.sendFile(path.join(FILES, 'summary.txt'), (err) => {
    if (err) next(err);
  });
});

// Left alone: the download's name is a template over two lines, which the controller's indentation would change.
router.get('/:id/archive', async (req, res) => {
  const report = await db.find(req.params.id);
  if (!report) return res.status(404).json({ error: 'No such report' });
  res.download(path.join(FILES, 'summary.txt'), `report ${req.params.id}
final.txt`);
});

router.get('/calls', (req, res) => res.json(db.calls.splice(0)));

module.exports = router;
