const handlers = {
  run: function (code) {
    return eval(code);
  },
};

module.exports = handlers;
