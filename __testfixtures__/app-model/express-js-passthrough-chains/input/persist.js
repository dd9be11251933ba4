module.exports = function persist(store) {
  return (req, res, next) => {
    store.save();
    next();
  };
};
