// Duplicate parameter names: legal in a sloppy function, a SyntaxError in a method.
var reducer = {
  step: function (_, _, value) { return value; },
};
