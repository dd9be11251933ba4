let html = '';
for (const item of items) {
  html += `<li>${item.name}</li>`;
}
module.exports = html;
