function sync(store, remote) {
  // fetch first
  return remote
    .fetchAll() // all records
    // then merge them in
    .then(function (records) {
      /* merge */
      for (const r of records) {
        store.put(r.id, r);
      }
      return records.length;
    });
}
