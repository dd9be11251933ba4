'use strict'

const { UsersService } = require('../services/users.service')
const { sendDomainError } = require('./error-responses')

const usersService = new UsersService()

// A CommonJS controller required by the router: exports.x = function (req, res) { ... }
exports.update = async function (req, res) {
  const id = Number(req.params.id)
  try {
    res.json(await usersService.updateUser({ id, role: req.body.role, name: req.body.name }))
  } catch (err) {
    if (!sendDomainError(res, err)) throw err
  }
}

exports.show = async function (req, res) {
  res.json(await usersService.getUser({ id: req.params.id }))
}

// Added after the first run: a new fat handler becomes a new method of the existing UsersService.
exports.rename = async function (req, res) {
  try {
    res.json(await usersService.replaceUser({ id: req.params.id, body: req.body }))
  } catch (err) {
    if (!sendDomainError(res, err)) throw err
  }
}
