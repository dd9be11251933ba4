import express from 'express';

/**
 * @typedef {object} CreateTagBody
 * @property {unknown} label
 */
/** @typedef {import('express').Request<{}, unknown, CreateTagBody>} CreateTagRequest */

export const router = express.Router();

router.post('/tags', /** @param {CreateTagRequest} req */ (req, res) => {
  const { label } = req.body;
  res.status(201).json({ label: String(label).toLowerCase() });
});
