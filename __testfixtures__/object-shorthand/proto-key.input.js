// `__proto__: value` sets the prototype; `{ __proto__ }` and `{ __proto__() {} }` create own properties.
var __proto__ = base;
var a = { __proto__: __proto__ };
var b = { '__proto__': function () { return 1; } };
var c = { __proto__: function () {} };
