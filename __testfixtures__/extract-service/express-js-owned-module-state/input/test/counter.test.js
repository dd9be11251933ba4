// (not run by the fixture: what the transform reads) each test gets a fresh router
exports.freshCounter = function freshCounter() {
  const p = require.resolve('../routes/counter');
  delete require.cache[p];
  return require(p);
};
