var rows = [{ id: 1, name: 'a' }];
var cache = {};

// Answers on a later tick, once, error first.
exports.find = function (id, fn) {
  setImmediate(function () {
    fn(null, rows[0]);
  });
};

// A cache hit answers before it returns: a throw of the callback reaches the caller.
exports.cached = function (id, fn) {
  if (cache[id]) return fn(null, cache[id]);
  fn(null, rows[0]);
};

// The callback runs inside a try: a throw of the callback makes it call back again from the catch.
exports.guarded = function (id, fn) {
  setImmediate(function () {
    try {
      return fn(null, rows[0]);
    } catch (e) {
      return fn(e);
    }
  });
};

// The API sets the callback's `this` (sqlite3's statement: this.lastID).
exports.insert = function (row, fn) {
  setImmediate(function () {
    rows.push(row);
    fn.call({ lastID: rows.length }, null);
  });
};
