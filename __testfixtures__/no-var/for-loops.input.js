const items = require('./items');

for (var i = 0; i < items.length; i++) {
  console.log(items[i]);
}
for (var key in items) {
  console.log(key);
}
for (var item of items) {
  item = item.trim();
  console.log(item);
}
