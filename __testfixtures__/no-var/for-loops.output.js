const items = require('./items');

for (let i = 0; i < items.length; i++) {
  console.log(items[i]);
}
for (const key in items) {
  console.log(key);
}
for (let item of items) {
  item = item.trim();
  console.log(item);
}
