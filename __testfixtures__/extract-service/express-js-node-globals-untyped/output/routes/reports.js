const express = require('express');
const { ReportsService } = require('../services/reports.service');
const { sendDomainError } = require('./error-responses');

const reportsService = new ReportsService();

const router = express.Router();

// No @types/node in this app: process and Buffer are Node's globals all the same, and the logic that reads them moves.
router.get('/:id', async (req, res) => {
  try {
    res.json(await reportsService.getReport({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
