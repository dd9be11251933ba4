import { joinParts } from './paths/join.js';

console.log(joinParts(['a', 'b']));
