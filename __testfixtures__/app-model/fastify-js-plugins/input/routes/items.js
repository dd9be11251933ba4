module.exports = async function (fastify, opts) {
  fastify.get('/', async function (request, reply) {
    return [{ id: 1, q: request.query.q }];
  });
  fastify.delete('/:id', {
    handler: async (request, reply) => {
      reply.code(204).send();
    },
  });
};
