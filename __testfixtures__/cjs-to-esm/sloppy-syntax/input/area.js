function area(shape) {
  with (shape) {
    return width * height;
  }
}
module.exports = area;
