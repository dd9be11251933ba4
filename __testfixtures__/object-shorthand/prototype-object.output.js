// Functions of a prototype object are called on instances: `this.x =` there is a method, not a constructor.
function Store() {}
Store.prototype = {
  init(items) {
    this.items = items;
  },
};
Object.assign(Store.prototype, {
  reset() { this.items = []; },
});
