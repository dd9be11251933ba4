import db from './db.js';

// the object itself is handed on: importers need the exports object, not a namespace
function wrap(store) {
  return Object.keys(store);
}

export default { wrap: wrap, keys: wrap(db) };
