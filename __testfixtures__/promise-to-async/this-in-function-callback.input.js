// A function-expression callback gets its own `this` (undefined) and `arguments`; inlined they would change.
Widget.prototype.refresh = function (loading) {
  return loading.then(function (data) {
    this.data = data;
    return data;
  });
};

function count(itemsPromise) {
  return itemsPromise.then(function () {
    return arguments.length;
  });
}
