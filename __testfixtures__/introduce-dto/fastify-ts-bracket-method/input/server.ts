import fastify from 'fastify';

const app = fastify();

// Legacy ES3-safe spelling of a reserved-word method.
app['delete']('/todos/:todoId', async (request) => {
  const { todoId } = request.params as any;
  return { deleted: todoId };
});

export default app;
