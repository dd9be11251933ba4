// semicolon-free (standard style); opts.require is a method, not a require call
import assert from 'assert'
import createDebug from 'debug'
import Cookie from './cookie.js'
var debug = createDebug('app')

function check (opts) {
  opts.require(1, 'msg')
  assert(opts)
}

export { check, Cookie }
