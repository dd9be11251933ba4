// `token` is only ever a callback's parameter here: `export const token` takes no name the file uses.
function issue(store, done) {
  return store.next().then((token) => done(null, token));
}

exports.issue = issue;
exports.token = (store) => store.current();
