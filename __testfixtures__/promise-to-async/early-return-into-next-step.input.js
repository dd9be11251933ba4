// The early return's value flows into the next step; inlined it would leave the function instead.
function displayName(id) {
  return fetchUser(id)
    .then((user) => {
      if (!user) return DEFAULT_USER;
      return enrich(user);
    })
    .then((user) => user.name);
}
