// A function-expression callback gets its own `this`; inlined it would mean the method's `this`.
Widget.prototype.refresh = function () {
  return this.source.load().then(function (data) {
    this.data = data;
    return data;
  });
};
