'use strict';

function Tree(children) {
  this.children = children || [];
}

// Trap: `walk` refers to the function expression's own name, which a method would not bind.
Tree.prototype.walk = function walk(visit) {
  visit(this);
  this.children.forEach(function (child) {
    walk.call(child, visit);
  });
};

module.exports = Tree;
