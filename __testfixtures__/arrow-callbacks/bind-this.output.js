Poller.prototype.start = function () {
  this.timer = setInterval(() => {
    this.tick();
  }, this.interval);
  emitter.on('stop', (() => { this.stop(); }));
};
