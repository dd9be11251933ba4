// A chain returned by a callback that the outer conversion inlines is flattened in the same run, however deep, so
// that a second run changes nothing.
function authenticate(svc, token, done) {
  return svc.authenticate(token)
    .then(async res => {
      if (!res) {
        return done(null, false);
      }
      const authorized = await svc.authorize(token);
      if (!authorized) {
        return done(null, false);
      }
      if (!res.userId) {
        return done(null, res);
      }
      const user = await svc.validate(res.userId);
      if (!user) {
        return done(null, false);
      }
      return done(null, res);
    });
}
module.exports = { authenticate };
