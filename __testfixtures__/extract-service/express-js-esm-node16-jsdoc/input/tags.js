import express from 'express';
import { store } from './store.js';

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
  if (!body.label) return res.status(400).json({ error: 'label is required' });
  const tag = store.add(String(body.label).toLowerCase(), body.color || '#ccc');
  res.status(201).json(tag);
});
