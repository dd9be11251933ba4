const express = require('express')
const _ = require('lodash')
const { ThingsService } = require('../services/things.service')

const thingsService = new ThingsService()

module.exports = (db, name) => {
  const router = express.Router()

  // json-server's show: the hand-off is a lodash clone of a value its `if` tested, so it is never undefined and the
  // controller can tell "handed nothing on" (undefined) from a value
  function show(req, res, next) {
    const _embed = req.query._embed
    const data = thingsService.getThing({ db, name, _embed, id: req.params.id })
    if (data !== undefined) res.locals.data = data
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
