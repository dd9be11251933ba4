const fs = require('fs');

// Arguments one per line keep that layout; lines inside a template literal keep their bytes.
async function render(name, report) {
  const template = await fs.promises.readFile('templates/' + name, 'utf8');
  const html = `<main>
      ${template}
    </main>`;
  try {
    await fs.promises.writeFile(
      'out/' + name,
      html
    );
  } catch (err2) {
    report(err2);
    return;
  }
  report(null, html.length);
}

module.exports = { render };
