'use strict';

export const answer = function () {
  return 42;
};
