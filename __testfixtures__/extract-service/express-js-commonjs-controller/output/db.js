'use strict'

const users = new Map([[1, { id: 1, name: 'Ada', role: 'admin' }]])

exports.findUser = async (id) => users.get(id) || null
exports.saveUser = async (user) => {
  users.set(user.id, user)
  return user
}
