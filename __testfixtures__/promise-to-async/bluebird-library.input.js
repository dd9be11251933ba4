// The file uses bluebird: callers may rely on .spread/.tap of the returned promise.
var Promise = require('bluebird');

function loadPair(a, b) {
  return Promise.all([load(a), load(b)]).then(function (pair) {
    return pair[0] + pair[1];
  });
}
