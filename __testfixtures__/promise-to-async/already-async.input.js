// Already async: statements before the chain may throw (they reject either way).
async function refresh(cache, key) {
  const entry = cache.get(key);
  if (!entry) throw new Error('no entry ' + key);
  return reload(entry)
    .then((fresh) => {
      cache.set(key, fresh);
      return fresh;
    });
}
