const util = require('util');
const zlib = require('zlib');

const gzipAsync = util.promisify(zlib.gzip);

function lookupUser(id, cb) {
  setImmediate(() => cb(null, { id, name: 'user' + id }));
}
const lookupUserAsync = util.promisify(lookupUser);

// The file's own wrappers are used for calls of the same functions.
async function archive(id, store) {
  lookupUser(id, (err, user) => {
    if (err) throw err;
    zlib.gzip(JSON.stringify(user), (zerr, packed) => {
      if (zerr) throw zerr;
      store.put(id, packed);
    });
  });
}

module.exports = { archive, gzipAsync, lookupUserAsync };
