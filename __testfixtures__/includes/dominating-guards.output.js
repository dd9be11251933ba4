// Array.isArray / typeof guards on parameters that are never reassigned.
function a(list, item) {
  if (Array.isArray(list) && list.includes('x')) return 1;
  if (typeof item === 'string' && !item.includes('-')) return 2;
  return Array.isArray(list) ? list.includes(0) : false;
}

function b(value) {
  if (typeof value !== 'string') return false;
  return value.includes(':');
}

function c(values) {
  if (!Array.isArray(values)) {
    throw new TypeError('values must be an array');
  }
  for (const v of other) {
    if (values.includes('*')) return true;
  }
  return false;
}
