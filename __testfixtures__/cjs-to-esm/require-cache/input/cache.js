function reload(id) {
  delete require.cache[require.resolve(id)];
}
module.exports = { reload };
