const { readFile } = require('fs');

// Only a destructured readFile: reaching fs.promises would need a new require.
async function show(p, out) {
  readFile(p, 'utf8', (err, text) => {
    if (err) throw err;
    out.write(text);
  });
}

module.exports = { show };
