var api = {
  list: function () {
    return this.items.slice();
  },
  add: function(item, index) { this.items.splice(index, 0, item); return this; },
  count: function () { return arguments.length; },
};
