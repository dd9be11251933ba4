// A membership test inside another one (as its searched value or in its receiver) is rewritten in the same run.
function flags(name, raw) {
  const ch = raw + '';
  const seen = ![true, false].includes('abc'.includes(ch));
  const pick = ('xyz'.includes(ch) ? ['a', 'b'] : ['c']).includes(name);
  const deep = ['q'].includes(!['r'].includes(['s'].includes(name) ? 'x' : 'y') ? 'q' : 'z');
  const tilde = !'abc'.includes(ch) && 'xyz'.includes(ch) ? 1 : 0;
  return [seen, pick, deep, tilde];
}
