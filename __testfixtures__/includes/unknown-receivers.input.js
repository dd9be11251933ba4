// Many things have an indexOf that is not Array's or String's: jQuery sets, Buffers, typed arrays,
// Immutable lists, custom classes. Without proof of the receiver, nothing changes.
const $ = require('jquery');
class Bag {
  indexOf(x) {
    return this.items.indexOf(x); // a number, not a membership test
  }
}
export function f(list, bag, buf) {
  if (list.indexOf('a') !== -1) return 1; // expect-report: unknown-receiver
  if (new Bag().indexOf('a') !== -1) return 2; // expect-report: unknown-receiver
  if (Buffer.from(buf).indexOf('\n') === -1) return 3; // expect-report: unknown-receiver
  if (new Uint8Array(buf).indexOf(10) >= 0) return 4; // expect-report: unknown-receiver
  if ($('.item').indexOf(list) > -1) return 5; // expect-report: unknown-receiver
  return this.names.indexOf('x') !== -1; // expect-report: unknown-receiver
}
