// With --strict-heads, fetchUser(id) might throw synchronously: kept.
function getName(id) {
  return fetchUser(id).then((user) => user.name);
}
