var name = 'x';
var size = 2;
module.exports = {
  name: name,
  'size': size,
  render(el) {
    return el + name + size;
  },
};
