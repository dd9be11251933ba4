const x = require("x");
function pad(text, width) {
  if (width === undefined) width = 2;
  return text.padStart(width);
}
module.exports = () => pad("1");
