// On one path the function returns a plain value; as an async function it would return a promise.
function getConfig(cache) {
  if (cache.config) return cache.config;
  return loadConfig().then((config) => {
    cache.config = config;
    return config;
  });
}
