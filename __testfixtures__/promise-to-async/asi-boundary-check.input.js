// Semicolon style, one statement without: the check of statement boundaries keeps the file as it is.
const x = [];
const y = 1;
function f() {
  return get(1).then(function () {
    x.push(y)
    return 1;
  }).then(function () {
    (x || []).pop();
    return 2;
  });
}
module.exports = { f };
