// Only truthiness is used here, so `a && a.b` and `a?.b` agree even when a is 0, '' or false
// (a plain property of a primitive reads as undefined).
function f(a, node, opts, list, c) {
  if (a && a.b) one();
  while (node && node.next) node = node.next;
  for (; node && node.parent; ) node = node.parent;
  const x = opts && opts.verbose ? 'loud' : 'quiet';
  if (!(opts && opts.dryRun)) write();
  const has = Boolean(opts && opts.cache);
  if (a && a.b && a.b.c) two();
  if (list && list.length && ready) three();
  return (opts && opts.name) || c; // left of ||: a falsy value is replaced by c either way
}
