const dayjs = require('dayjs');
function stamp(when) { return `updated at ${when}`; }
const created = dayjs(0);
const price = new Money(250);
console.log('created ' + created);
console.log('Total: ' + price);
console.log(`Hello ${user.name}!`);
console.log(`day ${dayjs().format('YYYY')}`);
console.log('next ' + moment().add(1, 'day'));
console.log('utc ' + moment.utc());
