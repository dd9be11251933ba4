'use strict';

module.exports = async function notesPlugin(fastify) {
  fastify.post('/notes', async (request, reply) => {
    const text = request.body.text;
    if (typeof text !== 'string') return reply.code(400).send({ error: 'text required' });
    return { text, pinned: request.body.pinned === true };
  });
};
