import express, { Request, Response } from 'express';

const router = express.Router();

function showArticle(req: Request, res: Response) {
  res.json({ slug: req.params.slug, lang: req.query.lang });
}

router.get('/articles/:slug', showArticle);
router.get('/posts/:slug', showArticle);

export default router;
