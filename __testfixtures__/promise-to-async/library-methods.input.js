// Library-only methods in the chain (.spread, .tap, filtered catch, jQuery progress callback).
function pair(a, b) {
  return fetchPair(a, b).spread((x, y) => x + y).then((sum) => sum * 2);
}

function tapped(id) {
  return fetchUser(id).tap(log).then((u) => u.name);
}

function filtered(id) {
  return fetchUser(id).then((u) => u.name).catch(NotFoundError, () => null);
}

function progress(url) {
  return $.ajax(url).then(onDone, onFail, onProgress);
}
