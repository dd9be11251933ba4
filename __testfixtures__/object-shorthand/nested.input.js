module.exports = {
  create: function (id, name) {
    return { id: id, name: name, toJSON: function () { return { id: id }; } };
  },
};
