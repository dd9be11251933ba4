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
