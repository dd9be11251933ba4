const express = require('express');
const captchas = require('../captchas');

const router = express.Router();
const feedback = [];

// a guard registered alone: hands the request on when the answer is right, answers 401 otherwise
const verifyCaptcha = () => async (req, res, next) => {
  try {
    const captcha = await captchas.find(req.body.captchaId);
    if (captcha && req.body.captcha === captcha.answer) {
      next();
    } else {
      res.status(401).json({ error: 'Wrong answer to CAPTCHA' });
    }
  } catch (error) {
    next(error);
  }
};

router.post('/', verifyCaptcha());

router.post('/', (req, res) => {
  if (req.body.boom) throw new Error('after the guard');
  feedback.push(req.body.comment);
  res.status(201).json({ count: feedback.length });
});

// a check after `next()` would run after the next handler started: left alone
router.post('/strict', async function checkStrict(req, res, next) {
  const captcha = await captchas.find(req.body.captchaId);
  if (!captcha) {
    res.status(404).json({ error: 'No captcha' });
    return;
  }
  next();
  feedback.push('strict');
});

router.post('/strict', (req, res) => res.json({ count: feedback.length }));

// `next()` inside a try the logic keeps: its catch would no longer see the next handler's throw; left alone
router.post('/inner', async function checkInner(req, res, next) {
  const captcha = await captchas.find(req.body.captchaId);
  try {
    if (captcha.answer === req.body.captcha) return next();
    res.status(401).json({ error: 'Wrong answer' });
  } catch (err) {
    res.status(400).json({ error: 'Bad captcha' });
  }
});

router.post('/inner', (req, res) => {
  if (req.body.boom) throw new Error('after the inner guard');
  res.json({ ok: true });
});

module.exports = router;
