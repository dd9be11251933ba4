// fetchUser(id) might throw synchronously, and the converted function would reject instead: kept (sync-head).
function getName(id) {
  return fetchUser(id).then((user) => user.name);
}
