const express = require('express')

module.exports = (db, name) => {
  const router = express.Router()
  let hits = 0

  // the value may be undefined on a path that hands it on, and another path hands nothing on: which of the two
  // happened cannot be told from the result
  function show(req, res, next) {
    const found = db.get(name).find(req.params.id).value()
    if (req.query.raw) {
      res.locals.data = found
    }
    next()
  }

  // more logic runs after the hand-off
  function list(req, res, next) {
    const all = db.get(name).value()
    res.locals.data = all
    console.log(all.length)
    next()
  }

  // a path leaves without calling next()
  function create(req, res, next) {
    const resource = db.get(name).insert(req.body).value()
    if (!resource) return
    res.locals.data = resource
    next()
  }

  // the handler goes on after next()
  function destroy(req, res, next) {
    const resource = db.get(name).remove(req.params.id).value()
    res.locals.data = resource
    next()
    console.log('removed', resource)
  }

  // the logic changes the request (after it has begun: not a prelude that stays in the controller)
  function search(req, res, next) {
    const q = req.query.q
    const found = db.get(name).value().filter((t) => t.name.includes(q))
    delete req.query.q
    res.locals.data = found
    next()
  }

  // a variable of the factory that the handler changes
  function count(req, res, next) {
    hits = hits + 1
    res.locals.data = { hits, total: db.get(name).value().length }
    next()
  }

  router.route('/').get(list).post(create)
  router.get('/search', search)
  router.get('/count', count)
  router.route('/:id').get(show).delete(destroy)

  return router
}
