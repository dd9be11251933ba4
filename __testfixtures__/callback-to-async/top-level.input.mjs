import fs from 'node:fs';

// At the top level of a module: a top-level await would hold up every importer.
fs.readFile('banner.txt', 'utf8', (err, text) => {
  if (err) throw err;
  console.log(text);
});
