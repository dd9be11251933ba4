const fs = require('fs');

// Arguments one per line keep that layout; lines inside a template literal keep their bytes.
async function render(name, report) {
  fs.readFile('templates/' + name, 'utf8', (err, template) => {
    if (err != null) throw err;
    const html = `<main>
      ${template}
    </main>`;
    fs.writeFile(
      'out/' + name,
      html,
      (err2) => {
        if (err2) {
          report(err2);
          return;
        }
        report(null, html.length);
      }
    );
  });
}

module.exports = { render };
