function f(s, list) {
  const str = String(s);
  if (str.includes('x')) a();
  if (!str.includes('y')) b();
  while (str.includes('z') && list) c();
  const flag = Boolean(str.includes('w'));
  // A numeric value: kept. expect-report: tilde-value
  const n = ~str.indexOf('v');
  return flag ? n : 0;
}
