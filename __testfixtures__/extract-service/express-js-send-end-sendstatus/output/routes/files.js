const express = require('express');
const { FilesService } = require('../services/files.service');
const { sendDomainError } = require('./error-responses');

const filesService = new FilesService();

const router = express.Router();

// res.send, res.end, res.sendStatus and a header call in the chain are all recorded and replayed in order.
router.get('/:name', async (req, res) => {
  const name = req.params.name;
  try {
    const result = await filesService.getFile({ name });
    res.set('Content-Type', 'text/plain').send(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// `send()` without a body answers through send's own header logic: the mapping writes it the same way.
router.delete('/:name', async (req, res) => {
  const name = req.params.name;
  try {
    res.json(await filesService.deleteFile({ name }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
