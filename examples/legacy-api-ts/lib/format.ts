import type { Order, User } from '../db';

// Money amounts are kept as integer cents to dodge floating point drift.
export class Money {
  cents: number;

  constructor(cents: number) {
    this.cents = Math.round(cents);
  }

  static fromDecimal(amount: number) {
    return new Money(amount * 100);
  }

  plus(other: Money) { return new Money(this.cents + other.cents); }
  minus(other: Money) { return new Money(this.cents - other.cents); }
  times(factor: number) { return new Money(this.cents * factor); }
  percent(pct: number) { return new Money(this.cents * pct / 100); }
  isGreaterThan(other: Money) { return this.cents > other.cents; }

  format() {
    var sign = this.cents < 0 ? '-' : '';
    return sign + '$' + (Math.abs(this.cents) / 100).toFixed(2);
  }

  toJSON() { return this.cents / 100; }
}

// Public representation of a user.
export class UserView {
  user: User;

  constructor(user: User) {
    this.user = user;
  }

  url() {
    return '/users/' + this.user.id;
  }

  toJSON(): { [key: string]: unknown } {
    var user = this.user;
    return { id: user.id, name: user.name, email: user.email, url: this.url() };
  }
}

export function presentOrder(order: Order) {
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

export function pluralize(count: number, word: string) {
  return count + ' ' + word + (count === 1 ? '' : 's');
}

export function pick(obj: { [key: string]: unknown }, keys: string[]) {
  var out: { [key: string]: unknown } = {};
  for (var i = 0; i < keys.length; i++) {
    var key = keys[i].trim();
    if (Object.prototype.hasOwnProperty.call(obj, key)) out[key] = obj[key];
  }
  return out;
}
