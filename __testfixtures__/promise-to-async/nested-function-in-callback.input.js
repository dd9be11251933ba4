// A function declared inside an inlined callback is converted on its own, and moves with the callback's body.
function loadValues(id) {
  return load(id).then((items) => {
    function fetchOne(x) {
      return get(x).then((r) => r.value);
    }
    return Promise.all(items.map(fetchOne));
  });
}
