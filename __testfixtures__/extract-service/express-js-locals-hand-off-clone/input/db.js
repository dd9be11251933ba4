// A small in-memory store with the lowdb-like chain API the routes use.
const data = { things: [{ id: 1, name: 'one' }], settings: { theme: 'dark' } }

function get(name) {
  return {
    value: () => data[name],
    find: (id) => ({ value: () => data[name].find((t) => String(t.id) === String(id)) }),
    insert: (thing) => ({ value: () => (data[name].push(thing), thing) }),
    remove: (id) => ({ value: () => data[name].splice(data[name].findIndex((t) => String(t.id) === String(id)), 1)[0] }),
  }
}

function set(name, value) {
  data[name] = value
}

module.exports = { get, set }
