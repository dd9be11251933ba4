'use strict';

var Scheduler = (function () {
    class Scheduler {
        constructor(actionCtor, now) {
            this.actionCtor = actionCtor;
            this.now = now || Scheduler.now;
        }
        schedule(work, delay) {
            return new this.actionCtor(this, work).schedule(delay || 0);
        }
    }
    Scheduler.now = Date.now;
    return Scheduler;
}());

module.exports = { Scheduler: Scheduler };
