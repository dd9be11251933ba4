import db from './db.js';
const { save = null, ...rest } = db;

// the object itself is only read (its keys, a copy): importers need the exports object, not a namespace
const names = Object.keys(db);
const copy = { ...db };

export default { names, copy, save, rest };
