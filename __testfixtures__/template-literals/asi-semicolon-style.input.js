// Semicolon style: most statements end with `;`. A statement that lacks one is followed by a template:
// the missing `;` is added where this file writes it, at the end of that statement.
const log = require('debug')('app');
const name = getName();
let count = 0;
count++;
log
'user: ' + name;
const total = count + 1
'total: ' + total;
if (name) log
'after an if body ' + name;
call(name);
'called ' + name;
module.exports = { log };
