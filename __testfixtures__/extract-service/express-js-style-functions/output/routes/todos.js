const express = require('express');
const todosService = require('../services/todos.service');
const { sendResult } = require('../services/http-result');

const router = express.Router();

// --style functions: exported functions instead of a class.
router.post('/', async (req, res) => {
  const title = String(req.body.title || '').trim();
  sendResult(res, await todosService.createTodo({ title }));
});

router.delete('/:id', async (req, res) => {
  const id = Number(req.params.id);
  sendResult(res, await todosService.deleteTodo({ id }));
});

module.exports = router;
