// An arrow has no `arguments` of its own (it would see the outer function's).
function wrap(fn) {
  return run(function () {
    return fn.apply(null, arguments);
  });
}
emitter.on('any', function (name) {
  var rest = Array.prototype.slice.call(arguments, 1);
  [1].forEach(() => console.log(arguments.length));
  log(name, rest);
});
