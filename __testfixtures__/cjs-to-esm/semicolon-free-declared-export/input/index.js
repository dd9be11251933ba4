// semicolon-free (standard style); opts.require is a method, not a require call
var assert = require('assert')
var debug = require('debug')('app')
var Cookie = require('./cookie')

function check (opts) {
  opts.require(1, 'msg')
  assert(opts)
}

module.exports = { check: check, Cookie: Cookie }
