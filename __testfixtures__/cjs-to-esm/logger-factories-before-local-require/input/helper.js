'use strict';

exports.answer = function () {
  return 42;
};
