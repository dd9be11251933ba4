const items = [];

function add(item) {
  items.push(item);
}

export { add };
