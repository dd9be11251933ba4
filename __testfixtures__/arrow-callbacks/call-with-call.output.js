// The callback itself does not use `this`: fine, even when the outer call is a .call().
Array.prototype.forEach.call(nodes, (node) => {
  node.remove();
});
// Here the callee sets `this` for the callback: must stay.
handlers.call(context, function () {
  return this.name;
});
