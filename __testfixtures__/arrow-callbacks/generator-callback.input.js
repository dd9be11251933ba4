// Generators cannot be arrows.
co(function* () {
  var user = yield db.find(1);
  return user;
});
