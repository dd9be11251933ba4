import fastify from 'fastify';
import type { CreateTodoBody, ListTodosQuery, TodoParams } from './server.dto';

const app = fastify();

app.get<{ Querystring: ListTodosQuery }>('/todos', async (request) => {
  const query = request.query as any;
  return { done: query.done === 'true', limit: parseInt(query.limit, 10) };
});

app.post<{ Body: CreateTodoBody }>('/todos', async (request, reply) => {
  const { title, due } = request.body as any;
  reply.code(201);
  return { title: title.trim(), due: due ?? null };
});

app.delete<{ Params: TodoParams }>('/todos/:todoId', async (request) => {
  const { todoId } = request.params as any;
  return { deleted: todoId };
});

export default app;
