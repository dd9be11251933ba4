exports.pick = function pick(a, flag) {
  var result = a;
  if (flag) {
    var result = a * 2;
  }
  return result;
};

exports.shadow = function shadow(value) {
  var value = value || 1;
  return value;
};
