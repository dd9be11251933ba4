module.exports = function collect(rows) {
  const out = [];
  for (const row of rows) {
    var last;
    if (row.ok) last = row;
    out.push(last);
  }
  return out;
};
