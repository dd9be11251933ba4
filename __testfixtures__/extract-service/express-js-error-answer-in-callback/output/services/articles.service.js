// Business logic of routes/articles.js, moved out of its route handlers by remodel extract-service.
var db = require('../db');
var { NotFoundError, UnprocessableError } = require('./errors');

/** @typedef {{ id: any }} GetArticleInput */

/** @typedef {{ article: { title: any; [key: string]: any; } }} CreateArticleInput */

/** @typedef {{ id: number }} GetArticleTitleInput */

/** @typedef {{ id: any }} GetArticleRawInput */

class ArticlesService {
  /**
   * GET /articles/:id (routes/articles.js)
   * @param {GetArticleInput} input
   */
  async getArticle(input) {
    const { id } = input;
    var article = await new Promise(function (resolve, reject) { db.findArticle(Number(id), function (error, value) { if (error) reject(error); else resolve(value); }); });
    if (!article) {
      throw new NotFoundError('No article with that identifier has been found');
    } else {
      return article;
    }
  }

  /**
   * POST /articles (routes/articles.js)
   * @param {CreateArticleInput} input
   */
  async createArticle(input) {
    var { article } = input;
    if (!article.title) {
      throw new UnprocessableError('Title cannot be blank');
    }
    await new Promise(function (resolve, reject) { db.saveArticle(article, function (error) { if (error) reject(error); else resolve(); }); });
    return article;
  }

  /**
   * GET /articles/:id/title (routes/articles.js)
   * @param {GetArticleTitleInput} input
   */
  async getArticleTitle(input) {
    var { id } = input;
    var article = await new Promise(function (resolve, reject) { db.findArticle(id, function (error, value) { if (error) reject(error); else resolve(value); }); });
    return article;
  }

  /**
   * GET /articles/:id/raw (routes/articles.js)
   * @param {GetArticleRawInput} input
   */
  async getArticleRaw(input) {
    const { id } = input;
    var article = await new Promise(function (resolve, reject) { db.findArticle(Number(id), function (error, value) { if (error) reject(error); else resolve(value); }); });
    return { raw: article };
  }
}

module.exports = { ArticlesService };
