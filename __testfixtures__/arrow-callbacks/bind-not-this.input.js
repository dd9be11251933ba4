// Bound to something other than exactly `this`, or with extra arguments: must stay.
on('a', function () { return this.x; }.bind(other));
on('b', function (prefix, msg) { log(prefix, msg); }.bind(this, 'b:'));
on('c', function () { return this.x; }.bind());
// Not in a call argument: left for other transforms.
var handler = function () { return this.x; }.bind(this);
// Bound twice: the inner `.bind(this)` is no call argument, and the outer bind pre-sets another `this`.
foo(function () { return this.x; }.bind(this).bind(obj));
// Invoked on the spot with a chosen `this`: not a callback.
(function () { go(); }).call(this);
var result = function () { return 1; }.apply(null, []);
