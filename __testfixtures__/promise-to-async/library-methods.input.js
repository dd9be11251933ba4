// Library-only methods in the chain (.spread, .tap, filtered catch, jQuery progress callback).
function pair(pending) {
  return pending.then((p) => [p.a, p.b]).spread((x, y) => x + y);
}

function tapped(userPromise) {
  return userPromise.then((u) => u.profile).tap(log).then((p) => p.name);
}

function filtered(userPromise) {
  return userPromise.then((u) => u.name).catch(NotFoundError, () => null);
}

function progress(request) {
  return request.then(onDone, onFail, onProgress);
}

// A library method is the reason given even when the head is a call (which alone would be sync-head).
function pairOfCall(a, b) {
  return fetchPair(a, b).spread((x, y) => x + y).then((sum) => sum * 2);
}
