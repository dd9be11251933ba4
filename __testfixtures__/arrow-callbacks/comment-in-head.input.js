// Comments in the head would have to move: leave the function alone.
process(items, function /* each item */ (item) {
  return item.id;
});
process(items, function (item) /* returns the id */ {
  return item.id;
});
