const a = `it's ${name}`;
const b = `say "hi" to ${name} \`now\``;
const c = `cost: \${${amount}}`;
const d = `path\\to\\${file}\n`;
const e = `\${${x}}`;
const f = `tab\there \u00e9 \x41 ${y}`;
