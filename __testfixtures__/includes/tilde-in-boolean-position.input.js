function f(s, list) {
  const str = String(s);
  if (~str.indexOf('x')) a();
  if (!~str.indexOf('y')) b();
  while (~str.indexOf('z') && list) c();
  const flag = Boolean(~str.indexOf('w'));
  // A numeric value: kept. expect-report: tilde-value
  const n = ~str.indexOf('v');
  return flag ? n : 0;
}
