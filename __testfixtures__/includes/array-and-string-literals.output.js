// Literal receivers are arrays or strings, whatever the searched value (literal arrays of plain values are dense and NaN-free).
function check(method, ch) {
  if (['GET', 'HEAD'].includes(method)) return 'safe';
  if (['PUT', 'PATCH'].includes(method)) return 'update';
  if ('aeiou'.includes(ch.toLowerCase())) return 'vowel';
  if (`xyz`.includes('y')) return 'never';
  if (![1, 2, 3].includes(method)) return 'not a small number';
  if (!'abc'.includes(ch + '')) return 'other';
  if (!'abc'.includes('b')) return 'unreachable';
  return ['a', 'b'].includes(ch) || 'xy'.includes('x') || 'q'.includes('q') || ![true].includes(true);
}
