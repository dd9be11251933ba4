'use strict';
async function Job() {}
Job.prototype.run = function () {
  return 1;
};
module.exports = Job;
