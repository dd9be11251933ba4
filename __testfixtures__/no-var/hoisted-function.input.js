start();

var settings = { debug: true };

function start() {
  return settings.debug;
}

var limit = 10;

function check(n) {
  return n < limit;
}

module.exports = { check };
