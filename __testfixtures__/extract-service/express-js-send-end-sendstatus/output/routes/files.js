const express = require('express');
const { FilesService } = require('../services/files.service');
const { sendResult } = require('../services/http-result');

const filesService = new FilesService();

const router = express.Router();

// res.send, res.end, res.sendStatus and a header call in the chain are all recorded and replayed in order.
router.get('/:name', async (req, res) => {
  const name = req.params.name;
  sendResult(res, await filesService.getFile({ name }));
});

module.exports = router;
