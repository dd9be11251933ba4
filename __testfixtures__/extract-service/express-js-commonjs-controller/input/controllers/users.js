'use strict'

const db = require('../db')

// A CommonJS controller required by the router: exports.x = function (req, res) { ... }
exports.update = async function (req, res) {
  const id = Number(req.params.id)
  const user = await db.findUser(id)
  if (!user) return res.status(404).json({ error: 'no user ' + id })
  if (req.body.role !== undefined) user.role = req.body.role
  if (req.body.name) user.name = String(req.body.name).trim()
  const saved = await db.saveUser(user)
  res.json(saved)
}

exports.show = async function (req, res) {
  const user = await db.findUser(Number(req.params.id))
  res.json(user)
}
