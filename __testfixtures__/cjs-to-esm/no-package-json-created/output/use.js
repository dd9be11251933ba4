import hello from './hello.js';

hello();
