// A function declared inside an inlined callback is converted on its own, and moves with the callback's body.
async function loadValues(id) {
  const items = await load(id);
  async function fetchOne(x) {
    const r = await get(x);
    return r.value;
  }
  return Promise.all(items.map(fetchOne));
}
