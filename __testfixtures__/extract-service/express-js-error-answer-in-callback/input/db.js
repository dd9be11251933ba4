var sets = { ferret: ['tobi', 'loki'] };

// calls back once, error first (proven: a project function with one call of its callback, deferred once)
exports.members = function (key, cb) {
  process.nextTick(function () {
    cb(null, sets[key] || []);
  });
};

// calls back twice: not proven to call back once
exports.scan = function (key, cb) {
  cb(null, []);
  cb(null, sets[key] || []);
};

var articles = [{ id: 1, title: 'a' }];

// MEAN.js-style model calls: once, error first, deferred
exports.findArticle = function (id, cb) {
  setImmediate(function () {
    if (id < 0) return cb(new Error('bad id'));
    cb(null, articles.filter(function (a) { return a.id === id; })[0] || null);
  });
};
exports.saveArticle = function (article, cb) {
  setImmediate(function () {
    if (article.title === 'boom') return cb(new Error('disk full'));
    article.id = articles.length + 1;
    articles.push(article);
    cb(null, article);
  });
};

// throws before it defers (a bad id): not proven, a throw there would reach the callback's answer from the service
exports.findStrict = function (id, cb) {
  if (!Number.isInteger(id)) throw new TypeError('id must be an integer');
  setImmediate(function () {
    cb(null, articles.filter(function (a) { return a.id === id; })[0] || null);
  });
};

