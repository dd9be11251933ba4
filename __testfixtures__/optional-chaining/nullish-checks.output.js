// `!= null` checks are exactly nullish checks: 0 and '' pass in both versions, so calls and deep chains are fine
// where the value is only tested or discarded.
function f(a, cb, err, k) {
  if (a?.b()) one();
  if (a?.b.c) two();
  if (a?.[k]) three();
  cb?.(err);
  if (a?.list?.length) four();
}
