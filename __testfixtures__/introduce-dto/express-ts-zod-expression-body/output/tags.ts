import express from 'express';
import { TagParams } from './tags.dto';

const router = express.Router();

router.get('/tags/:tagId', (req: express.Request<TagParams>, res) => res.json({ id: req.params.tagId }));

export default router;
