// Bound to something other than exactly `this`, or with extra arguments: must stay.
on('a', function () { return this.x; }.bind(other));
on('b', function (prefix, msg) { log(prefix, msg); }.bind(this, 'b:'));
on('c', function () { return this.x; }.bind());
// Not in a call argument: left for other transforms.
var handler = function () { return this.x; }.bind(this);
