const fs = require('fs');

async function touch(file) {
  fs.writeFile(file, '', (err) => {
    // This comment sits where the try/catch head is rebuilt: it would be lost, so the call is left.
    if (err) throw err;
    console.log('touched', file);
  });
}

module.exports = { touch };
