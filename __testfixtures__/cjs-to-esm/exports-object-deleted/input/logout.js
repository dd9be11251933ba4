const cache = require('./cache');
const { user } = require('./cache');

delete cache.token;
console.log(user);
