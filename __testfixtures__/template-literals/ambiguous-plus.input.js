const width = base + padding + 'px';
const total = 1 + 2 + ' apples';
const sum = a + b;
const inc = n + 1;
