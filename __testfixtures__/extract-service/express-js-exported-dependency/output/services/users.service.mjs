// Business logic of app.mjs, moved out of its route handlers by remodel extract-service.
import * as db from '../db.mjs';
import { NotFoundError } from './errors.mjs';

// The logic uses `publicUser`, which the router module exports (exported-dependency).
export function publicUser(user) {
  return { id: user.id, name: user.name };
}

/** @typedef {{ id: number }} GetUserInput */

export class UsersService {
  /**
   * GET /users/:id (app.mjs)
   * @param {GetUserInput} input
   */
  async getUser(input) {
    const { id } = input;
    const user = await db.find(id);
    if (!user) throw new NotFoundError('no user ' + id);
    const view = publicUser(user);
    return view;
  }
}
