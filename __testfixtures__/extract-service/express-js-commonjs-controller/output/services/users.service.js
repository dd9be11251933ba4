'use strict'

// Business logic of controllers/users.js, moved out of its route handlers by remodel extract-service.
const db = require('../db')
const { NotFoundError } = require('./errors')

/** @typedef {{ id: number, body: any }} UpdateUserInput */

/** @typedef {{ id: any }} GetUserInput */

class UsersService {
  /**
   * PATCH /users/:id (controllers/users.js)
   * @param {UpdateUserInput} input
   */
  async updateUser(input) {
    const { id, body } = input
    const user = await db.findUser(id)
    if (!user) throw new NotFoundError('no user ' + id)
    if (body.role !== undefined) user.role = body.role
    if (body.name) user.name = String(body.name).trim()
    const saved = await db.saveUser(user)
    return saved
  }

  /**
   * GET /users/:id (controllers/users.js)
   * @param {GetUserInput} input
   */
  async getUser(input) {
    const { id } = input
    const user = await db.findUser(Number(id))
    return user
  }
}

module.exports = { UsersService }
