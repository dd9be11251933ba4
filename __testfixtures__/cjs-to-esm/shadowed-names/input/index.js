const { build } = require('./pipelines');
const { issue, token } = require('./tokens');
const { register } = require('./policies');

register('a', {});
console.log(build(['a']), typeof issue, typeof token);
