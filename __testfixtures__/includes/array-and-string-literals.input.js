// Literal receivers are arrays or strings, whatever the searched value (literal arrays of plain values are dense and NaN-free).
function check(method, ch) {
  if (['GET', 'HEAD'].indexOf(method) !== -1) return 'safe';
  if (['PUT', 'PATCH'].indexOf(method) != -1) return 'update';
  if ('aeiou'.indexOf(ch.toLowerCase()) > -1) return 'vowel';
  if (`xyz`.indexOf('y') >= 0) return 'never';
  if ([1, 2, 3].indexOf(method) === -1) return 'not a small number';
  if ('abc'.indexOf(ch + '') == -1) return 'other';
  if ('abc'.indexOf('b') < 0) return 'unreachable';
  return -1 !== ['a', 'b'].indexOf(ch) || 0 <= 'xy'.indexOf('x') || -1 < 'q'.indexOf('q') || 0 > [true].indexOf(true);
}
