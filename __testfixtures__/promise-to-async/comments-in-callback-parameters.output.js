// Comments inside a callback's parameter (a destructuring pattern) move with it, once; so do the comments of
// an onRejected callback passed as `.then(null, fn)`.
async function sum(pending) {
  const { a, /* c */ b } = await pending;
  return a + b;
}

async function pair(pending) {
  const [first /* head */, second] = await pending;
  return first + second;
}

async function message(pending) {
  try {
    return await pending;
  } catch ({ code /* the error code */ }) {
    return code;
  }
}

async function fallback(pending) {
  try {
    return await pending;
  } catch (err) {
    // fall back to the default
    return DEFAULT;
  }
}
