exports.all = function (table, cb) {
  cb(null, []);
};
exports.insert = function (table, row, cb) {
  cb(null, row);
};
