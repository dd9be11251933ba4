function Counter() {
  this.n = 0;
}
Counter.prototype.inc = function () {
  this.n++;
  return this;
};

var c = new Counter();
var inc = c.inc;
inc();

module.exports = Counter;
