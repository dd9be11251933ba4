'use strict';

function Animal(name) {
  this.name = name;
}

Animal.prototype.speak = function () {
  return this.name;
};

function Dog(name) {
  Animal.call(this, name);
}

Dog.prototype = Object.create(Animal.prototype);
// Trap: constructor not restored, so Dog stays a function; its Animal.call(this) would throw on a class.

Dog.prototype.bark = function () {
  return 'woof';
};

module.exports = { Animal: Animal, Dog: Dog };
