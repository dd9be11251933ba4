// `+` uses valueOf, a template toString: names and properties that may hold such objects stay.
const dayjs = require('dayjs');
class Money { constructor(c) { this.c = c; } valueOf() { return this.c / 100; } toString() { return 'Money(' + this.c + ')'; } }
function stamp(when) { return 'updated at ' + when; }
const created = dayjs(0);
const price = new Money(250);
console.log('created ' + created);
console.log('Total: ' + price);
console.log('Hello ' + user.name + '!');
console.log('at ' + moment().add(1, 'day'));
console.log('Due ' + due.format('YYYY'));
let later = 'x';
later = new Money(1);
console.log('later ' + later);
function shadow() { const cost = new Money(3); return 'c ' + cost; }
const cost = 2;
console.log('cost ' + cost);
