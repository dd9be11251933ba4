import { Router } from 'express';
import mongoose from 'mongoose';
import './tag-model.js';

export const router = Router();
// (the framework's factory and built-ins run no code of the app)
const root = String(['', 'tags'].join('/'));

// Extracted: the model is registered by an import, which runs before this module's body and before the service's.
const Tag = mongoose.model('Tag');

router.get('/:id', async (req, res) => {
  const tag = await Tag.findById(Number(req.params.id));
  if (!tag) return res.status(404).json({ error: 'no tag', root });
  res.json({ name: tag.name.toUpperCase() });
});
