if (process.env.FAST) {
  module.exports = function fast() {};
} else {
  module.exports = function slow() {};
}
