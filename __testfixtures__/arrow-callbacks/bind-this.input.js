Poller.prototype.start = function () {
  this.timer = setInterval(function () {
    this.tick();
  }.bind(this), this.interval);
  emitter.on('stop', (function () { this.stop(); }).bind(this));
};
