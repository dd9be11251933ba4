async function sync(store, remote) {
  // fetch first
  const records = await remote
    .fetchAll();
  // all records
  // then merge them in
  /* merge */
  for (const r of records) {
    store.put(r.id, r);
  }
  return records.length;
}
