'use strict';

// Money amounts are kept as integer cents to dodge floating point drift.
function Money(cents) {
  this.cents = Math.round(cents);
}

Money.fromDecimal = function (amount) { return new Money(amount * 100); };

Money.prototype.plus = function (other) { return new Money(this.cents + other.cents); };
Money.prototype.minus = function (other) { return new Money(this.cents - other.cents); };
Money.prototype.times = function (factor) { return new Money(this.cents * factor); };
Money.prototype.percent = function (pct) { return new Money(this.cents * pct / 100); };
Money.prototype.isGreaterThan = function (other) { return this.cents > other.cents; };

Money.prototype.format = function () {
  var sign = this.cents < 0 ? '-' : '';
  return sign + '$' + (Math.abs(this.cents) / 100).toFixed(2);
};

Money.prototype.toJSON = function () { return this.cents / 100; };

// Public representation of a user. Works with or without `new`, because some
// callers pass it straight to Array#map.
function UserView(user) {
  if (!(this instanceof UserView)) return new UserView(user);
  this.user = user;
}

UserView.prototype.url = function () {
  return '/users/' + this.user.id;
};

UserView.prototype.toJSON = function () {
  var user = this.user;
  return { id: user.id, name: user.name, email: user.email, url: this.url() };
};

function presentOrder(order) {
  var total = new Money(order.totalCents);
  return {
    id: order.id,
    userId: order.userId,
    items: order.items.map(function (line) {
      return { productId: line.productId, quantity: line.quantity, price: line.price,
        lineTotal: new Money(line.lineTotalCents) };
    }),
    subtotal: new Money(order.subtotalCents),
    discount: new Money(order.discountCents),
    total: total,
    display: total.format()
  };
}

function pluralize(count, word) {
  return count + ' ' + word + (count === 1 ? '' : 's');
}

function pick(obj, keys) {
  var out = {};
  for (var i = 0; i < keys.length; i++) {
    var key = keys[i].trim();
    if (Object.prototype.hasOwnProperty.call(obj, key)) out[key] = obj[key];
  }
  return out;
}

module.exports = { Money: Money, UserView: UserView, presentOrder: presentOrder, pluralize: pluralize, pick: pick };
