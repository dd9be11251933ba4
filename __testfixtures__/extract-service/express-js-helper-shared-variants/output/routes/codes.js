const express = require('express');
const { ContinueCodeFindsService } = require('../services/continueCodeFinds.service');
const { sendDomainError } = require('./error-responses');

const continueCodeFindsService = new ContinueCodeFindsService();

const router = express.Router();

// Two variants of one resource (continue-code-find, continue-code-fix) share codePattern: one service holds both.
router.put('/continue-code-find/apply/:code', async (req, res) => {
  const code = req.params.code;
  try {
    res.json(await continueCodeFindsService.applyContinueCodeFind({ code }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

router.put('/continue-code-fix/apply/:code', async (req, res) => {
  const code = req.params.code;
  try {
    res.json(await continueCodeFindsService.applyContinueCodeFix({ code }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
