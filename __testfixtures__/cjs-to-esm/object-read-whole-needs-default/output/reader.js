import { find } from './db.js';

console.log(find(1));
