var util = require('util');
var EventEmitter = require('events').EventEmitter;

class Queue extends EventEmitter {
  constructor(name) {
    super();
    this.name = name;
    this.items = [];
  }

  push(item) {
    this.items.push(item);
    this.emit('push', item);
    return this;
  }

  size() {
    return this.items.length;
  }
}

class PriorityQueue extends Queue {
  constructor(name, compare) {
    var fallback = function (a, b) { return a - b; };
    super(name);
    this.compare = compare || fallback;
  }

  push(item) {
    Queue.prototype.push.call(this, item);
    this.items.sort(this.compare);
    return this;
  }
}

module.exports = { Queue: Queue, PriorityQueue: PriorityQueue };
