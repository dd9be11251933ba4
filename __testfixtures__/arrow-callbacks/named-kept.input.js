// The name is never used inside: it may go (only .name changes).
app.use(function logger(req, res, next) {
  console.log(req.method, req.url);
  next();
});
