// Only truthiness is used here, so `a && a.b` and `a?.b` agree even when a is 0, '' or false
// (a plain property of a primitive reads as undefined).
function f(a, node, opts, list, c) {
  if (a?.b) one();
  while (node?.next) node = node.next;
  for (; node?.parent; ) node = node.parent;
  const x = opts?.verbose ? 'loud' : 'quiet';
  if (!(opts?.dryRun)) write();
  const has = Boolean(opts?.cache);
  if (a?.b?.c) two();
  if (list?.length && ready) three();
  return (opts?.name) || c; // left of ||: a falsy value is replaced by c either way
}
