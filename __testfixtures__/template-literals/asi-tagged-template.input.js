// Semicolon-free style: each statement ends at the line break.
const log = require('debug')('app')
const name = getName()
'Hello ' + name + '!'
log
'user: ' + name
const parts = [name]
'[' + parts + ']'
function greet () {
  const who = name
  return 'Hi ' + who
}
const fn = function () {}
'after a function expression ' + name
if (name) 'only when named ' + name
let count = 1
count++
'count: ' + count
call(name)
'called ' + name
const s = 'x'
'after a literal ' + s
const tpl = `t`
'after a template ' + tpl
module.exports = { greet, fn }
