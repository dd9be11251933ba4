const fs = require('fs');

class Cache {
  async load(file) {
    // `this` in a function callback is not the Cache: moving the body out would change it.
    fs.readFile(file, 'utf8', function (err, text) {
      if (err) throw err;
      this.text = text;
    });
  }
}

module.exports = { Cache };
