// A function-expression callback gets its own `this` (undefined) and `arguments`; inlined they would change.
Widget.prototype.refresh = function () {
  return this.source.load().then(function (data) {
    this.data = data;
    return data;
  });
};

function count() {
  return loadItems().then(function () {
    return arguments.length;
  });
}
