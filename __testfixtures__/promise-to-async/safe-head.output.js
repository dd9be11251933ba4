// With --strict-heads, a Promise.all of plain names cannot throw synchronously: converted.
async function both(a, b) {
  const [x, y] = await Promise.all([a, b]);
  return x + y;
}
