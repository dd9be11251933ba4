// A chain returned by a callback that the outer conversion inlines is flattened in the same run, however deep, so
// that a second run changes nothing.
function authenticate(svc, token, done) {
  return svc.authenticate(token)
    .then(res => {
      if (!res) {
        return done(null, false);
      }
      return svc.authorize(token)
        .then(authorized => {
          if (!authorized) {
            return done(null, false);
          }
          if (!res.userId) {
            return done(null, res);
          }
          return svc.validate(res.userId)
            .then(user => {
              if (!user) {
                return done(null, false);
              }
              return done(null, res);
            });
        });
    });
}
module.exports = { authenticate };
