// Legal in a sloppy function, a SyntaxError in an arrow.
reduce(list, function (_, _, value) {
  return value;
});
