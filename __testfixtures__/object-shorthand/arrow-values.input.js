// Arrows keep the outer `this`; a method would get the object as `this`.
var self = this;
var obj = {
  get: () => this.value,
  load: async (id) => { return self.fetch(id); },
};
