const express = require('express');
const { ContinueCodeFindService } = require('../services/continueCodeFind.service');
const { sendDomainError } = require('./error-responses');

const continueCodeFindService = new ContinueCodeFindService();

const router = express.Router();

// Two variants of one resource (continue-code-find, continue-code-fix) share codePattern: one service holds both.
router.put('/continue-code-find/apply/:code', async (req, res) => {
  const code = req.params.code;
  try {
    res.json(await continueCodeFindService.applyContinueCodeFind({ code }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

router.put('/continue-code-fix/apply/:code', async (req, res) => {
  const code = req.params.code;
  try {
    res.json(await continueCodeFindService.applyContinueCodeFix({ code }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
