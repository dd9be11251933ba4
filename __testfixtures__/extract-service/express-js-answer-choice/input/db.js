exports.find = function (name) {
  return name === 'tobi' ? { name: name } : undefined;
};
