// A name read before its `const` declaration runs throws a ReferenceError synchronously (temporal dead zone);
// in an async function that throw would become a rejection, so the function stays.
function cachedTotal() {
  const first = total;
  const total = 3;
  return Promise.resolve(first).then((value) => value * 2);
}

// Declared before the read: converts.
async function doubled() {
  const count = 3;
  const first = count;
  const value = await Promise.resolve(first);
  return value * 2;
}
