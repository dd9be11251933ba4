const express = require('express')

// A router made by a factory: its handlers hand their result to a later middleware (res.locals.data, then next()).
module.exports = (db, name, opts) => {
  const router = express.Router()

  // every path hands a value on
  function show(req, res, next) {
    if (opts.fake) {
      res.locals.data = { id: req.params.id }
    } else {
      const found = db.get(name).find(req.params.id).value()
      res.locals.data = found
    }
    next()
  }

  // the value is handed on only when there is one; the render middleware answers 404 otherwise
  function update(req, res, next) {
    const id = req.params.id
    let resource = db.get(name).find(id).value()
    if (resource && req.method === 'PATCH') {
      resource = { ...resource, ...req.body }
    }
    if (resource) {
      res.locals.data = resource
    }
    next()
  }

  // headers and status set after the logic stay in the controller, around the value the logic made
  function create(req, res, next) {
    let resource
    if (opts.fake) {
      resource = { ...req.body, id: 0 }
    } else {
      resource = db.get(name).insert(req.body).value()
    }

    res.setHeader('Access-Control-Expose-Headers', 'Location')
    res.location(`/${name}/${resource.id}`)
    res.status(201)
    res.locals.data = resource
    next()
  }

  // an object literal is never undefined
  function destroy(req, res, next) {
    const resource = db.get(name).remove(req.params.id).value()
    if (resource) {
      res.locals.data = {}
    }
    next()
  }

  // an async handler: the controller awaits the service, then hands on and calls next() as before
  async function replace(req, res, next) {
    const resource = await db.get(name).insert(req.body).value()
    res.locals.data = resource
    next()
  }

  router.route('/').post(create).put(replace)
  router.route('/:id').get(show).patch(update).delete(destroy)

  return router
}
