// Accessor parameters are left as they are.
var box = {
  set size(value) {
    if (value === undefined) value = 1;
    this._size = value;
  },
};
