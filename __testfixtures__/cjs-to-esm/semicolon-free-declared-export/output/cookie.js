import createDebug from 'debug'
var debug = createDebug('cookie')
var Cookie = function Cookie (options) {
  this.options = options
  debug('made')
}
export default Cookie

Cookie.prototype.toString = function () { return 'c' }
