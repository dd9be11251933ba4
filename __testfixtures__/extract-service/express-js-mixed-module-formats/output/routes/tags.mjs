import { Router } from 'express';
import db from '../db.js';
import { TagsService } from '../services/tags.service.mjs';

const tagsService = new TagsService();

export const router = Router();

// Left alone (mixed-module-formats): an ES module (.mjs) could not load the CommonJS errors module the app gets.
router.get('/:id', async (req, res) => {
  const tag = await db.find(Number(req.params.id));
  if (!tag) return res.status(404).json({ error: 'no tag' });
  res.json({ tag: tag.name.toUpperCase() });
});

// Without an error response it needs no errors module: extracted.
router.get('/', async (req, res) => {
  res.json(await tagsService.listTags());
});
