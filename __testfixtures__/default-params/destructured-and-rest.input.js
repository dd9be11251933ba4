// Only plain identifier parameters get a default.
function a({ host, port }) {
  if (port === undefined) port = 80;
  return host + port;
}
function b(first, ...rest) {
  if (rest === undefined) rest = [];
  return rest;
}
a({});
b();
