'use strict';

function Money(cents) {
  this.cents = cents;
}

// Trap: enumerable and non-configurable accessors; class accessors are neither.
Object.defineProperty(Money.prototype, 'amount', {
  get: function () {
    return this.cents / 100;
  },
  enumerable: true,
});

module.exports = Money;
