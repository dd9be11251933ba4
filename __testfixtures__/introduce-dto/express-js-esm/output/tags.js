import express from 'express';

/**
 * @typedef {object} CreateTagBody
 * @property {unknown} label
 * @property {string} [color]
 */
/** @typedef {import('express').Request<{}, unknown, CreateTagBody>} CreateTagRequest */
/**
 * @typedef {object} TagParams
 * @property {string} tagId
 */
/** @typedef {import('express').Request<TagParams>} GetTagRequest */

export const router = express.Router();

router.post('/tags', /** @param {CreateTagRequest} req */ (req, res) => {
  const { label, color = '#ccc' } = req.body;
  res.status(201).json({ label: String(label).toLowerCase(), color });
});

router.get('/tags/:tagId', /** @param {GetTagRequest} req */ async (req, res) => {
  res.json({ id: req.params.tagId });
});
