import greet from './greet.js';
var { loud } = greet;

console.log(greet('ada'), loud('alan'));
