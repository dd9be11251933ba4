// A comment between the key and the value would be lost: left alone.
var config = {
  port: /* from env */ port,
  start: /* entry point */ function () { run(); },
  stop: function /* graceful */ () { halt(); },
};
