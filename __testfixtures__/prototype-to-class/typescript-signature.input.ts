function Box<T>(this: Box<T>, value: T) {
  this.value = value;
}
Box.prototype.get = function () {
  return this.value;
};

export { Box };
