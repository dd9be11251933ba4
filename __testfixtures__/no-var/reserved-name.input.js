// Sloppy-mode script: `let` is a legal var name here, but `let let` is a SyntaxError.
var let = require('./let-helper');
var total = let(1, 2);
console.log(total);
