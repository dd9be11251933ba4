const items = [];

function add(item) {
  items.push(item);
}

module.exports = { add };
