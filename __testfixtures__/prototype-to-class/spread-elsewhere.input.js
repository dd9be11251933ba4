// Exported from an ES module, and spread-elsewhere-user.input.js spreads its prototype into defaults:
// a class's methods are not own enumerable properties of the prototype, so the spread would be empty.
export function Gauge(value) {
  this.value = value;
}
Gauge.prototype.read = function () {
  return this.value;
};
