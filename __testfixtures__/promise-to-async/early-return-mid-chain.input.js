// The early return's value flows into the next step; inlined it would leave the function.
function normalize(userPromise) {
  return userPromise
    .then((user) => {
      if (!user) return DEFAULT_USER;
      return enrich(user);
    })
    .then((user) => user.name);
}
