'use strict';

const express = require('express');
const { StatusCodes } = require('http-status-codes');
const { status: httpStatus } = require('http-status');
const { Status } = require('../status');
const db = require('../db');

const router = express.Router();

// constants whose declarations give their value: they map like numbers
router.get('/:id', async (req, res) => {
  const job = await db.findJob(req.params.id);
  if (!job) {
    return res.status(StatusCodes.NOT_FOUND).json({ msg: `No job with id ${req.params.id}` });
  }
  res.status(StatusCodes.OK).json({ job });
});

router.post('/', async (req, res) => {
  const { title, company } = req.body;
  if (!title || !company) {
    return res.status(httpStatus.BAD_REQUEST).json({ msg: 'Please provide title and company' });
  }
  const job = await db.createJob({ title, company });
  res.status(httpStatus.CREATED).json({ job });
});

// a value of the app's own object: not known without running it
router.delete('/:id', async (req, res) => {
  const removed = await db.deleteJob(req.params.id);
  if (!removed) {
    return res.status(Status.GONE).json({ msg: 'Already removed' });
  }
  res.status(StatusCodes.OK).json({ removed: req.params.id });
});

module.exports = router;
