factory(function () {
  if (!new.target) return;
  init();
});
run(function (code) {
  return eval(code);
});
