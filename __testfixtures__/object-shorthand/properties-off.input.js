var name = 'x';
var size = 2;
module.exports = {
  name: name,
  'size': size,
  render: function (el) {
    return el + name + size;
  },
};
