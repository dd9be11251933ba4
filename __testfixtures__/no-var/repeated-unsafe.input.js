exports.nested = function nested(rows) {
  for (var i = 0; i < rows.length; i++) {
    for (var i = 0; i < 2; i++) {}
  }
};

exports.carried = function carried(a, b) {
  for (var i = 0; i < a.length; i++) {}
  for (var i; i < b.length; i++) {}
  return b;
};

exports.after = function after(list) {
  for (var i = 0; i < list.length; i++) {}
  for (var i = 0; i < list.length; i++) {}
  return i;
};

exports.closure = function closure(list, later) {
  for (var j = 0; j < list.length; j++) {}
  for (var j = 0; j < list.length; j++) later(function () { return j; });
};
