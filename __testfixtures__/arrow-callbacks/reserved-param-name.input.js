// `yield` is a valid parameter name in sloppy code, but an arrow inside a generator could not take it.
var results = [];
steps.forEach(function (yield) {
  results.push(yield * 2);
});
