const db = require('./db');
const { save = null, ...rest } = require('./db');

// the object itself is only read (its keys, a copy): importers need the exports object, not a namespace
const names = Object.keys(db);
const copy = { ...db };

module.exports = { names, copy, save, rest };
