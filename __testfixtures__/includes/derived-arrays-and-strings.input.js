function f(obj, key, input, words) {
  if (Object.keys(obj).indexOf(key) === -1) return null;
  if (input.split(/\s+/).indexOf(key) !== -1) return 'word';
  if (input.toLowerCase().indexOf('error') !== -1) return 'error';
  if (Array.from(words).indexOf('stop') >= 0) return 'stop';
  const lower = input.trim().toLowerCase();
  const names = ['a', 'b'].map((x) => x.toUpperCase());
  if (names.indexOf('A') !== -1) return lower;
  if (names.concat(['C']).join(',').indexOf(lower) !== -1) return 'joined';
  return lower.slice(1).indexOf('x') === -1;
}
