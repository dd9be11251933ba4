const fs = require('fs');

// `if (err) throw err` needs no try: the error rejects the async function.
async function printConfig(configPath) {
  console.log('reading', configPath);
  const text = await fs.promises.readFile(configPath, 'utf8');
  // parse and print
  const config = JSON.parse(text);
  console.log(config.name);
}

module.exports = { printConfig };
