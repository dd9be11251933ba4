'use strict';

var Scheduler = (function () {
    function Scheduler(actionCtor, now) {
        this.actionCtor = actionCtor;
        this.now = now || Scheduler.now;
    }
    Scheduler.prototype.schedule = function (work, delay) {
        return new this.actionCtor(this, work).schedule(delay || 0);
    };
    Scheduler.now = Date.now;
    return Scheduler;
}());

module.exports = { Scheduler: Scheduler };
