import { Router } from 'express';
import './tag-model.js';
import { TagsService } from '../services/tags.service.js';
import { sendDomainError } from './error-responses.js';

const tagsService = new TagsService();

export const router = Router();

router.get('/:id', async (req, res) => {
  try {
    res.json(await tagsService.getTag({ id: req.params.id }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});
