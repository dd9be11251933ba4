module.exports = {
  load: async function (id) {
    return await db.find(id);
  },
  ids: function* () {
    yield 1;
  },
  stream: async function* (source) {
    for await (const chunk of source) yield chunk;
  },
  async: function () {},
  get: function (key) { return store[key]; },
};
