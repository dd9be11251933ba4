// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { UnauthorizedError } = require('./errors');

/** @typedef {{ payload: any, requestItem: any }} LikeItemInput */

/** @typedef {{ payload: any, selfLink: () => any }} GetItemLinkInput */

class ItemsService {
  /**
   * POST /items/:item/like (routes/items.js)
   * @param {LikeItemInput} input
   */
  async likeItem(input) {
    const { payload, requestItem } = input;
    return db.findUser(payload.id).then(function (user) {
      if (!user) throw new UnauthorizedError();
      return db.like(requestItem, user).then(function (item) {
        return { item: item, likes: item.likes.length };
      });
    });
  }

  /**
   * GET /items/:item/link (routes/items.js)
   * @param {GetItemLinkInput} input
   */
  async getItemLink(input) {
    const { payload, selfLink } = input;
    return db.findUser(payload.id).then(function (user) {
      if (!user) throw new UnauthorizedError();
      return { self: selfLink(), owner: user.name };
    });
  }
}

module.exports = { ItemsService };
