"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Observable = void 0;
// Trap: compiled output; subclasses in other files do `_super.call(this) || this`, which throws for a class.
var Observable = (function () {
    function Observable(subscribe) {
        if (subscribe) {
            this._subscribe = subscribe;
        }
    }
    Observable.prototype.lift = function (operator) {
        var observable = new Observable();
        observable.source = this;
        observable.operator = operator;
        return observable;
    };
    return Observable;
}());
exports.Observable = Observable;
//# sourceMappingURL=Observable.js.map
