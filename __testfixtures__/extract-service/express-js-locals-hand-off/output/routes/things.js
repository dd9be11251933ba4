const express = require('express')
const { ThingsService } = require('../services/things.service')

const thingsService = new ThingsService()

// A router made by a factory: its handlers hand their result to a later middleware (res.locals.data, then next()).
module.exports = (db, name, opts) => {
  const router = express.Router()

  // every path hands a value on
  function show(req, res, next) {
    res.locals.data = thingsService.getThing({ db, name, opts, id: req.params.id })
    next()
  }

  // the value is handed on only when there is one; the render middleware answers 404 otherwise
  function update(req, res, next) {
    const id = req.params.id
    const data = thingsService.updateThing({ db, name, id, method: req.method, body: req.body })
    if (data !== undefined) res.locals.data = data
    next()
  }

  // headers and status set after the logic stay in the controller, around the value the logic made
  function create(req, res, next) {
    const resource = thingsService.createThing({ db, name, opts, body: req.body })

    res.setHeader('Access-Control-Expose-Headers', 'Location')
    res.location(`/${name}/${resource.id}`)
    res.status(201)
    res.locals.data = resource
    next()
  }

  // an object literal is never undefined
  function destroy(req, res, next) {
    const data = thingsService.deleteThing({ db, name, id: req.params.id })
    if (data !== undefined) res.locals.data = data
    next()
  }

  // an async handler: the controller awaits the service, then hands on and calls next() as before
  async function replace(req, res, next) {
    const resource = await thingsService.replaceThing({ db, name, body: req.body })
    res.locals.data = resource
    next()
  }

  router.route('/').post(create).put(replace)
  router.route('/:id').get(show).patch(update).delete(destroy)

  return router
}
