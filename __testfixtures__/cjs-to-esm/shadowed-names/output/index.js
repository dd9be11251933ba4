import { build } from './pipelines.js';
import { issue, token } from './tokens.js';
import { register } from './policies.js';

register('a', {});
console.log(build(['a']), typeof issue, typeof token);
