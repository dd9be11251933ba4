module.exports = {
  async load(id) {
    return await db.find(id);
  },
  *ids() {
    yield 1;
  },
  async *stream(source) {
    for await (const chunk of source) yield chunk;
  },
  async() {},
  get(key) { return store[key]; },
};
