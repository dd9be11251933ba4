import load from './plugins.js';

export default { plugin: load('a') };
