'use strict'

// Business logic of controllers/users.js, moved out of its route handlers by remodel extract-service.
const db = require('../db')
const { NotFoundError } = require('./errors')

/** @typedef {{ id: any, body: any }} ReplaceUserInput */

/** @typedef {{ id: number, role: any, name: any }} UpdateUserInput */

/** @typedef {{ id: any }} GetUserInput */

class UsersService {
  /**
   * PATCH /users/:id (controllers/users.js)
   * @param {UpdateUserInput} input
   */
  async updateUser(input) {
    const { id, role, name } = input
    const user = await db.findUser(id)
    if (!user) throw new NotFoundError('no user ' + id)
    if (role !== undefined) user.role = role
    if (name) user.name = String(name).trim()
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

  /**
   * PUT /users/:id (controllers/users.js)
   * @param {ReplaceUserInput} input
   */
  async replaceUser(input) {
    const { id, body } = input
    const user = await db.findUser(Number(id))
    if (!user) throw new NotFoundError('no user ' + id)
    user.name = String(body.name || '').trim()
    return await db.saveUser(user)
  }
}

module.exports = { UsersService }
