// `this` and `arguments` inside a nested ordinary function belong to that function.
items.forEach(function (item) {
  item.render = function () {
    return this.html + arguments.length;
  };
});
