const { readFile } = require('fs');
function range(start, end = start + 10, step = end > start ? 1 : -1) {
  const out = [];
  for (let i = start; i !== end; i += step) out.push(i);
  return out;
}
range(1);
