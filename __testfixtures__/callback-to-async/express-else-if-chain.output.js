var express = require('express');
var fs = require('fs');
var path = require('path');

var DATA_DIR = path.join(__dirname, 'data');
var router = express.Router();

router.get('/export', async function (req, res) {
  console.log('export', req.query.format);
  var format = req.query.format;
  if (format === 'csv') {
    res.type('text/csv').send('a,b\n');
  } else if (format === 'json') {
    // The last statement of an else-if branch: nothing runs after it.
    let names;
    try {
      names = await fs.promises.readdir(DATA_DIR);
    } catch (err) {
      res.status(500).json({ error: err.code });
      return;
    }
    res.json(names);
  } else {
    res.sendStatus(400);
  }
});

module.exports = router;
