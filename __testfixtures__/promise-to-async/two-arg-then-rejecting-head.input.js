// Even with rejecting heads assumed, onRejected handles only errors of fetchUser, not errors thrown by onFulfilled.
function load(id) {
  return fetchUser(id).then(
    (user) => render(user),
    (err) => fallback(err),
  );
}
