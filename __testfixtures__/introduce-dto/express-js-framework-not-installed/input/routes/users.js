// express is a dependency but is not installed (no node_modules, no type declarations for it): the JSDoc type
// `import('express').Request<…>` would not resolve, so the handlers are left alone with the reason, not typed.
const express = require('express');

const router = express.Router();

router.post('/users', (req, res) => {
  res.status(201).json({ name: req.body.name.trim() });
});

router.get('/users/:id', (req, res) => {
  res.json({ id: Number(req.params.id) });
});

module.exports = router;
