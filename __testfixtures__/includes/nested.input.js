// A membership test inside another one (as its searched value or in its receiver) is rewritten in the same run.
function flags(name, raw) {
  const ch = raw + '';
  const seen = [true, false].indexOf('abc'.indexOf(ch) !== -1) === -1;
  const pick = ('xyz'.indexOf(ch) >= 0 ? ['a', 'b'] : ['c']).indexOf(name) !== -1;
  const deep = ['q'].indexOf(['r'].indexOf(['s'].indexOf(name) > -1 ? 'x' : 'y') === -1 ? 'q' : 'z') !== -1;
  const tilde = !~'abc'.indexOf(ch) && ~'xyz'.indexOf(ch) ? 1 : 0;
  return [seen, pick, deep, tilde];
}
