const express = require('express');

const router = express.Router();

// test/counter.test.js loads this module afresh for each test, its counter back at 0: a service module, loaded once,
// would keep counting, so it stays
let counter = 0;

router.post('/count', (req, res) => {
  const step = Number(req.body.step);
  if (!(step > 0)) {
    res.status(400).json({ error: 'bad step' });
    return;
  }
  for (let i = 0; i < step; i++) counter++;
  res.json({ counter });
});

module.exports = router;
