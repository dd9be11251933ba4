// The outer chain is floating (kept). Its callback may return early and run code first: the promise machinery
// adopts whatever it returns and turns its throws into rejections, so it can become async as it is.
router.post('/', function (req, res, next) {
  db.findUserByEmail(req.body.email)
    .then(function (existing) {
      if (existing) {
        res.status(409).json({ error: 'taken' });
        return;
      }
      var fields = { name: req.body.name, email: req.body.email };
      return db.insertUser(fields).then(function (user) {
        res.status(201).json(user);
      });
    })
    .catch(next);
});
