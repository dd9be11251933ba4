const { readFile } = require('fs');
function range(start, end, step) {
  if (end === undefined) end = start + 10;
  if (step === undefined) step = end > start ? 1 : -1;
  const out = [];
  for (let i = start; i !== end; i += step) out.push(i);
  return out;
}
range(1);
