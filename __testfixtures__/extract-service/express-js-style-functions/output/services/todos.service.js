// Business logic of routes/todos.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { respond } = require('./http-result');

/** @typedef {{ title: string }} CreateTodoInput */

/** @typedef {{ id: number }} DeleteTodoInput */

/**
 * POST / (routes/todos.js)
 * @param {CreateTodoInput} input
 */
async function createTodo(input) {
  const { title } = input;
  if (!title) return respond().status(400).json({ error: 'title required' });
  const todo = await db.insert({ title, done: false });
  return respond().status(201).json(todo);
}

/**
 * DELETE /:id (routes/todos.js)
 * @param {DeleteTodoInput} input
 */
async function deleteTodo(input) {
  const { id } = input;
  const removed = await db.remove(id);
  if (!removed) return respond().status(404).json({ error: 'no such todo' });
  return respond().sendStatus(204);
}

module.exports = { createTodo, deleteTodo };
