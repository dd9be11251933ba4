function f(obj, key, input, words) {
  if (!Object.keys(obj).includes(key)) return null;
  if (input.split(/\s+/).includes(key)) return 'word';
  if (input.toLowerCase().includes('error')) return 'error';
  if (Array.from(words).includes('stop')) return 'stop';
  const lower = input.trim().toLowerCase();
  const names = ['a', 'b'].map((x) => x.toUpperCase());
  if (names.includes('A')) return lower;
  if (names.concat(['C']).join(',').includes(lower)) return 'joined';
  return !lower.slice(1).includes('x');
}
