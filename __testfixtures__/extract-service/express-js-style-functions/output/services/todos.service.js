// Business logic of routes/todos.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError, ValidationError } = require('./errors');

/** @typedef {{ title: string }} CreateTodoInput */

/** @typedef {{ id: number }} DeleteTodoInput */

/**
 * POST / (routes/todos.js)
 * @param {CreateTodoInput} input
 */
async function createTodo(input) {
  const { title } = input;
  if (!title) throw new ValidationError('title required');
  const todo = await db.insert({ title, done: false });
  return todo;
}

/**
 * DELETE /:id (routes/todos.js)
 * @param {DeleteTodoInput} input
 */
async function deleteTodo(input) {
  const { id } = input;
  const removed = await db.remove(id);
  if (!removed) throw new NotFoundError('no such todo');
}

module.exports = { createTodo, deleteTodo };
