const util = require('util');
const zlib = require('zlib');

const gzipAsync = util.promisify(zlib.gzip);

function lookupUser(id, cb) {
  setImmediate(() => cb(null, { id, name: 'user' + id }));
}
const lookupUserAsync = util.promisify(lookupUser);

// The file's own wrappers are used for calls of the same functions.
async function archive(id, store) {
  const user = await lookupUserAsync(id);
  const packed = await gzipAsync(JSON.stringify(user));
  store.put(id, packed);
}

module.exports = { archive, gzipAsync, lookupUserAsync };
