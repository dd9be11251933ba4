// `this` is module.exports here, undefined in an ES module
this.name = 'mod';
