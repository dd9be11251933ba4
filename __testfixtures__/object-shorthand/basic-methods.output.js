var api = {
  list() {
    return this.items.slice();
  },
  add(item, index) { this.items.splice(index, 0, item); return this; },
  count() { return arguments.length; },
};
