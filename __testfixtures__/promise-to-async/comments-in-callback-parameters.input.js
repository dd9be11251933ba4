// Comments inside a callback's parameter (a destructuring pattern) move with it, once; so do the comments of
// an onRejected callback passed as `.then(null, fn)`.
function sum(pending) {
  return pending.then(({ a, /* c */ b }) => a + b);
}

function pair(pending) {
  return pending.then(([first /* head */, second]) => {
    return first + second;
  });
}

function message(pending) {
  return pending.catch(({ code /* the error code */ }) => code);
}

function fallback(pending) {
  return pending.then(null, (err) => {
    // fall back to the default
    return DEFAULT;
  });
}
