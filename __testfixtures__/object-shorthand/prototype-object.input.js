// Functions of a prototype object are called on instances: `this.x =` there is a method, not a constructor.
function Store() {}
Store.prototype = {
  init: function (items) {
    this.items = items;
  },
};
Object.assign(Store.prototype, {
  reset: function () { this.items = []; },
});
