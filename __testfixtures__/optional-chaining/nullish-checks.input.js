// `!= null` checks are exactly nullish checks: 0 and '' pass in both versions, so calls and deep chains are fine
// where the value is only tested or discarded.
function f(a, cb, err, k) {
  if (a != null && a.b()) one();
  if (a !== null && a !== undefined && a.b.c) two();
  if (undefined !== a && null !== a && a[k]) three();
  cb != null && cb(err);
  if (a != undefined && a.list && a.list.length) four();
}
