// With --strict-heads, a Promise.all of plain names cannot throw synchronously: converted.
function both(a, b) {
  return Promise.all([a, b]).then(([x, y]) => x + y);
}
