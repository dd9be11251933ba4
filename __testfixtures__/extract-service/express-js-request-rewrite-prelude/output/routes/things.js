const express = require('express')
const { ThingsService } = require('../services/things.service')

const thingsService = new ThingsService()

module.exports = (db, name) => {
  const router = express.Router()

  // Removes its own parameters from req.query before the logic, for the middleware after it (json-server's list):
  // the rewrite stays in the controller; the logic gets the values read before it.
  function search(req, res, next) {
    const q = req.query.q
    const limit = req.query._limit
    delete req.query.q
    delete req.query._limit
    req.url = '/things'
    const found = thingsService.searchThings({ db, name, q, limit })
    res.locals.data = found
    next()
  }

  // Rewrites req.query and the logic then reads the rewritten value: read at the service call, after the rewrite.
  function tagged(req, res, next) {
    req.query.tag = String(req.query.tag || 'none').toLowerCase()
    res.locals.data = thingsService.getThingsTagged({ db, name, tag: req.query.tag })
    next()
  }

  router.get('/search', search)
  router.get('/tagged', tagged)

  return router
}
