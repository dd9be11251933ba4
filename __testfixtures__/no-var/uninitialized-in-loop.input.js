module.exports = function collect(rows) {
  var out = [];
  for (const row of rows) {
    var last;
    if (row.ok) last = row;
    out.push(last);
  }
  return out;
};
