// Array.isArray / typeof guards on parameters that are never reassigned.
function a(list, item) {
  if (Array.isArray(list) && list.indexOf('x') !== -1) return 1;
  if (typeof item === 'string' && item.indexOf('-') === -1) return 2;
  return Array.isArray(list) ? list.indexOf(0) > -1 : false;
}

function b(value) {
  if (typeof value !== 'string') return false;
  return value.indexOf(':') >= 0;
}

function c(values) {
  if (!Array.isArray(values)) {
    throw new TypeError('values must be an array');
  }
  for (const v of other) {
    if (values.indexOf('*') !== -1) return true;
  }
  return false;
}
