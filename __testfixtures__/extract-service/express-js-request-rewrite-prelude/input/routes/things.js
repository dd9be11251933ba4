const express = require('express')

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
    let found = db.get(name).value().filter((t) => t.name.includes(q))
    if (limit) found = found.slice(0, Number(limit))
    res.locals.data = found
    next()
  }

  // Rewrites req.query and the logic then reads the rewritten value: read at the service call, after the rewrite.
  function tagged(req, res, next) {
    req.query.tag = String(req.query.tag || 'none').toLowerCase()
    const all = db.get(name).value()
    res.locals.data = all.filter((t) => (t.tag || 'none') === req.query.tag)
    next()
  }

  router.get('/search', search)
  router.get('/tagged', tagged)

  return router
}
