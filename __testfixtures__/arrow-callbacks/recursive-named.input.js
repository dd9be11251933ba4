// The function calls itself by name: an arrow has no name binding.
setTimeout(function poll() {
  if (!ready()) setTimeout(poll, 50);
}, 50);
walk(tree, function visit(node) {
  node.children.forEach(visit);
});
