'use strict'

const { UsersService } = require('../services/users.service')
const { sendDomainError } = require('./error-responses')

const usersService = new UsersService()

// A CommonJS controller required by the router: exports.x = function (req, res) { ... }
exports.update = async function (req, res) {
  const id = Number(req.params.id)
  try {
    res.json(await usersService.updateUser({ id, body: req.body }))
  } catch (err) {
    if (!sendDomainError(res, err)) throw err
  }
}

exports.show = async function (req, res) {
  res.json(await usersService.getUser({ id: req.params.id }))
}
