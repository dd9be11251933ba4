'use strict';

/**
 * @typedef {object} CreateNoteBody
 * @property {string} text
 * @property {boolean} pinned
 */
/** @typedef {import('fastify').FastifyRequest<{ Body: CreateNoteBody }>} CreateNoteRequest */

module.exports = async function notesPlugin(fastify) {
  fastify.post('/notes', /** @param {CreateNoteRequest} request */ async (request, reply) => {
    const text = request.body.text;
    if (typeof text !== 'string') return reply.code(400).send({ error: 'text required' });
    return { text, pinned: request.body.pinned === true };
  });
};
