// The outer chain is not returned (left alone); the arrow inside it returns a chain and is converted.
function prefetch(ids) {
  queue.drain().then((batch) => loadBatch(batch).then((rows) => rows.length));
}
