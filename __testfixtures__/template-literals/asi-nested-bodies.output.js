// Semicolon-free style: a statement whose last part is an expression (the body of an if, else, loop or label)
// would take a template on the next line as its tag, just like a bare expression statement.
const items = load()
if (items.length) render(items)
;`shown: ${items.length}`
if (!items.length) empty()
else render(items)
;`listed ${items.length}`
for (const item of items) check(item)
;`checked ${items.length}`
while (more()) next()
;`done ${items.length}`
outer: for (;;) break outer
`after a break ${items.length}`
function total () {
  return items.length
}
`after a function ${total()}`
do next()
while (more())
`after do-while ${items.length}`
