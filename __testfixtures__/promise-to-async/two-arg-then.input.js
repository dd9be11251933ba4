// onRejected handles only errors of the user's promise, not errors thrown by onFulfilled.
function load(userPromise) {
  return userPromise.then(
    (user) => render(user),
    (err) => fallback(err),
  );
}
