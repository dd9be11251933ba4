var debug = require('debug')('cookie')
var Cookie = module.exports = function Cookie (options) {
  this.options = options
  debug('made')
}

Cookie.prototype.toString = function () { return 'c' }
