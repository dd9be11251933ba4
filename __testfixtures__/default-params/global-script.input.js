// A top-level function of a classic script is a global other scripts may pass around.
function pad(text, width) {
  if (width === undefined) width = 2;
  return String(text).padStart(width, '0');
}
pad('1');
