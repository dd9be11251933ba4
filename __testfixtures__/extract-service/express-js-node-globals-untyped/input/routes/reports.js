const express = require('express');
const { loadReport } = require('../store');

const router = express.Router();

// No @types/node in this app: process and Buffer are Node's globals all the same, and the logic that reads them moves.
router.get('/:id', async (req, res) => {
  const limit = Number(process.env.REPORT_LIMIT || 3);
  const report = await loadReport(req.params.id);
  if (!report) return res.status(404).json({ error: 'no such report' });
  const digest = Buffer.from(report.title).toString('base64');
  res.json({ title: report.title, lines: report.lines.slice(0, limit), digest });
});

module.exports = router;
