// Trap: `this.name` would need a field declaration in a TypeScript class.
function Person(name: string) {
  this.name = name;
}

Person.prototype.hello = function (): string {
  return 'hi ' + this.name;
};

export { Person };
