const db = require('./db');

// the object itself is handed on: importers need the exports object, not a namespace
function wrap(store) {
  return Object.keys(store);
}

module.exports = { wrap: wrap, keys: wrap(db) };
