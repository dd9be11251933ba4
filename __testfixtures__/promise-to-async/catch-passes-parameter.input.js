// `next` is a parameter: it may not be a function, and `.catch(next)` only fails when the chain rejects.
function handler(req, res, next) {
  return fetchUser(req.params.id)
    .then((user) => res.json(user))
    .catch(next);
}
