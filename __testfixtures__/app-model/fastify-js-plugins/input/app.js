const fastify = require('fastify')();

fastify.register(require('./routes/items'), { prefix: '/items' });
fastify.get('/', function (request, reply) {
  reply.send({ hello: 'world' });
});
module.exports = fastify;
