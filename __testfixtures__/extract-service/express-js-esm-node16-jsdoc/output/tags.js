import express from 'express';
import { TagsService } from './services/tags.service.js';
import { sendDomainError } from './error-responses.js';

const tagsService = new TagsService();

/**
 * @typedef {object} CreateTagBody
 * @property {unknown} label
 * @property {string} [color]
 */
/** @typedef {import('express').Request<{}, unknown, CreateTagBody>} CreateTagRequest */

export const router = express.Router();

// the body's type is a typedef of this module: the service names it with import("../tags.js"), with the extension
// an ES module under NodeNext resolution needs
router.post('/tags', /** @param {CreateTagRequest} req */ (req, res) => {
  const body = req.body;
  try {
    const result = tagsService.createTag({ body });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});
