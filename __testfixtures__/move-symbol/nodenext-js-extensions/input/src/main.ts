import { joinParts } from './util.js';

console.log(joinParts(['a', 'b']));
