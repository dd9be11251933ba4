// The outer chain is not returned (left alone); the arrow inside it returns a chain and is converted.
function prefetch(ids) {
  queue.drain().then(async (batch) => {
    const rows = await loadBatch(batch);
    return rows.length;
  });
}
