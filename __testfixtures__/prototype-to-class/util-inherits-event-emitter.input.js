var util = require('util');
var EventEmitter = require('events').EventEmitter;

function Queue(name) {
  Queue.super_.call(this);
  this.name = name;
  this.items = [];
}

util.inherits(Queue, EventEmitter);

Queue.prototype.push = function (item) {
  this.items.push(item);
  this.emit('push', item);
  return this;
};

Queue.prototype.size = function () {
  return this.items.length;
};

function PriorityQueue(name, compare) {
  var fallback = function (a, b) { return a - b; };
  Queue.call(this, name);
  this.compare = compare || fallback;
}

util.inherits(PriorityQueue, Queue);

PriorityQueue.prototype.push = function (item) {
  Queue.prototype.push.call(this, item);
  this.items.sort(this.compare);
  return this;
};

module.exports = { Queue: Queue, PriorityQueue: PriorityQueue };
