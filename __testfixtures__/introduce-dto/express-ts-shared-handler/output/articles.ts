import express, { Request, Response } from 'express';
import type { ArticleParams, GetArticleQuery } from './articles.dto';

const router = express.Router();

function showArticle(req: Request<ArticleParams, unknown, unknown, GetArticleQuery>, res: Response) {
  res.json({ slug: req.params.slug, lang: req.query.lang });
}

router.get('/articles/:slug', showArticle);
router.get('/posts/:slug', showArticle);

export default router;
