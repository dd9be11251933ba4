import express from 'express';

const router = express.Router({ mergeParams: true });

router
  .route('/')
  .get((req, res) => {
    res.json({ patient: req.params.patientId });
  })
  .post((req, res, next) => {
    if (!req.body.text) return next(new Error('text required'));
    res.status(201).json({ text: req.body.text });
  });

router.route('/:noteId').delete((req, res) => {
  res.sendStatus(204);
});

export default router;
