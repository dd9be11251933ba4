'use strict'

const express = require('express')
const users = require('../controllers/users')

function auth(req, res, next) {
  if (!req.headers.authorization) return res.sendStatus(401)
  next()
}

const router = express.Router()

// Middleware stays; only the final handler's logic moves (and the PATCH body reads are passed in).
router.patch('/users/:id', auth, users.update)
router.get('/users/:id', users.show)

module.exports = router
