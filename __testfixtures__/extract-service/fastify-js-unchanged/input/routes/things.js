'use strict';
const db = require('../db');

module.exports = async function thingRoutes(app) {
  // An error response with a header of its own.
  app.get('/things/:id', async (request, reply) => {
    const thing = await db.find(Number(request.params.id));
    if (!thing) return reply.header('X-Reason', 'missing').code(404).send({ error: 'no thing' });
    return thing;
  });

  // The status comes from the logic.
  app.post('/things', async (request, reply) => {
    const thing = await db.save(request.body);
    if (!thing.ok) return reply.code(thing.status).send({ error: 'not saved' });
    return thing;
  });

  // The reply is sent and the logic goes on.
  app.put('/things/:id', async (request, reply) => {
    const thing = await db.find(Number(request.params.id));
    if (!thing) reply.code(404).send({ error: 'no thing' });
    await db.save(request.body);
    return thing;
  });

  // Written to the raw response.
  app.get('/things/:id/raw', async (request, reply) => {
    const thing = await db.find(Number(request.params.id));
    if (!thing) return reply.code(404).send({ error: 'no thing' });
    reply.raw.write(JSON.stringify(thing));
    reply.raw.end();
  });

  // One error path returns the reply, the other does not: the controller could not return the same value on both.
  app.delete('/things/:id', async (request, reply) => {
    const thing = await db.find(Number(request.params.id));
    if (!thing) return reply.code(404).send({ error: 'no thing' });
    if (thing.locked) {
      reply.code(409).send({ error: 'locked' });
      return;
    }
    return db.save({ id: thing.id, removed: true });
  });
};
