// Code before the chain may throw synchronously; in an async function the throw would become a rejection.
function removeUser(id) {
  assertValidId(id);
  return db.remove(id).then(() => true);
}

function parseAndSave(text) {
  const data = JSON.parse(text);
  return save(data).then((saved) => saved.id);
}

function byName({ name }) {
  return findByName(name).then((user) => user.id);
}
