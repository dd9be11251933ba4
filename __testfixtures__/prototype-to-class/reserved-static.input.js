// Sloppy mode: assigning a function's own `name` is silently ignored; a class `static name()` would redefine it.
function Model(attrs) {
  this.attrs = attrs;
}
Model.prototype.get = function (key) {
  return this.attrs[key];
};
Model.name = function () {
  return 'model';
};

module.exports = Model;
