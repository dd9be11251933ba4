// The app's own "tests" resource (lab tests), in a folder named tests/: the app imports it, so it is the app's.
const express = require('express');
const { LabTestsService } = require('./services/labTests.service');
const { sendDomainError } = require('../../routes/error-responses');

const labTestsService = new LabTestsService();

const router = express.Router();
router.get('/lab-tests/:id', async (req, res) => {
  try {
    res.json(await labTestsService.getLabTest({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
