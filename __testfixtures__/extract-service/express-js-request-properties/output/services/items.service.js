// Business logic of routes/items.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { UnauthorizedError } = require('./errors');

/** @typedef {{ payload: any, requestItem: any }} LikeItemInput */

/** @typedef {{ payload: any, selfLink: () => any }} GetItemLinkInput */

/** @typedef {{ payload: any, origin: () => { protocol: any; method: any; [key: string]: any; } }} GetItemOriginInput */

/** @typedef {{ payload: any, where2: () => any[] }} GetItemWhereInput */

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

  /**
   * GET /items/:item/origin (routes/items.js)
   * @param {GetItemOriginInput} input
   */
  async getItemOrigin(input) {
    const { payload, origin } = input;
    return db.findUser(payload.id).then(function (user) {
      if (!user) throw new UnauthorizedError();
      var where = origin();
      where.owner = user.name;
      return where;
    });
  }

  /**
   * GET /items/:item/where (routes/items.js)
   * @param {GetItemWhereInput} input
   */
  async getItemWhere(input) {
    const { payload, where2 } = input;
    return db.findUser(payload.id).then(function (user) {
      if (!user) throw new UnauthorizedError();
      return { owner: user.name, where: where2() };
    });
  }
}

module.exports = { ItemsService };
