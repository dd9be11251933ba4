// Not returned: awaiting this chain would make callers wait for it (and change timing).
function touch(id) {
  fetchUser(id)
    .then((user) => markSeen(user))
    .catch(noop);
}

router.get('/', function (req, res, next) {
  db.listUsers().then((users) => res.json(users)).catch(next);
});
