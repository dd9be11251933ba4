module.exports = {
  create(id, name) {
    return { id, name, toJSON() { return { id }; } };
  },
};
