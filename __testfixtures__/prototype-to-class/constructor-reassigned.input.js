'use strict';

function Queue() {
  this.items = [];
}
Queue.prototype.push = function (item) {
  this.items.push(item);
};

if (process.env.QUEUE_DEBUG) {
  var Plain = Queue;
  Queue = function () {
    Plain.call(this);
    console.log('queue created');
  };
  Queue.prototype = Plain.prototype;
}

module.exports = Queue;
