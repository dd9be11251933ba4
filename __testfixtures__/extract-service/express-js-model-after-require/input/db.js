var tags = ['a', 'b', 'a'];
exports.model = function (name) {
  return {
    name: name,
    find: function () {
      return { distinct: function (field) { void field; return Promise.resolve(tags.filter(function (t, i) { return tags.indexOf(t) === i; })); } };
    },
  };
};
exports.findThing = async function (id) { return { id: id, name: 'thing' + id }; };
exports.count = async function (id) { return id * 2; };
