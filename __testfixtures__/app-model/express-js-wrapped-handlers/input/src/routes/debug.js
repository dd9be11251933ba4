const express = require('express');

const router = express.Router();
router.get('/state', (req, res) => res.json({ debug: true }));

module.exports = router;
