const express = require('express')
const _ = require('lodash')

module.exports = (db, name) => {
  const router = express.Router()

  // json-server's show: the hand-off is a lodash clone of a value its `if` tested, so it is never undefined and the
  // controller can tell "handed nothing on" (undefined) from a value
  function show(req, res, next) {
    const _embed = req.query._embed
    const found = db.get(name).find(req.params.id).value()
    if (found) {
      const clone = _.cloneDeep(found)
      if (_embed) clone.embedded = _embed
      res.locals.data = clone
    }
    next()
  }

  // the clone of a value nobody tested may be undefined: left alone
  function raw(req, res, next) {
    const found = db.get(name).find(req.params.id).value()
    if (req.query.raw) {
      const copy = _.clone(found)
      res.locals.data = copy
    }
    next()
  }

  router.get('/:id', show)
  router.get('/:id/raw', raw)

  return router
}
