var tree = {
  // recursion through the function's own name: a method has no such binding
  walk: function walk(node) { node.children.forEach(walk); },
  // the name differs from the key: .name would change from 'visitNode' to 'visit'
  visit: function visitNode(node) { return node; },
};
