var rows = [{ id: 1, name: 'tobi' }];
exports.all = function () {
  return rows;
};
