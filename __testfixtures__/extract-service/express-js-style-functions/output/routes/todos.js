const express = require('express');
const todosService = require('../services/todos.service');
const { sendDomainError } = require('./error-responses');

const router = express.Router();

// --style functions: exported functions instead of a class.
router.post('/', async (req, res) => {
  const title = String(req.body.title || '').trim();
  try {
    const result = await todosService.createTodo({ title });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

router.delete('/:id', async (req, res) => {
  const id = Number(req.params.id);
  try {
    await todosService.deleteTodo({ id });
    res.sendStatus(204);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

module.exports = router;
