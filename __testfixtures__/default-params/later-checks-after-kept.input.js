function connect(host, port, timeout) {
  if (port === undefined) port = 80; // the usual HTTP port
  if (timeout === undefined) timeout = 5000;
  return [host, port, timeout];
}

function legacy(a, b, c) {
  'use strict';
  if (b === undefined) b = 1;
  if (c === undefined) c = 2;
  return a + b + c;
}

module.exports = { connect: connect(), legacy: legacy(1) };
