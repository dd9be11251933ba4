import { Router, Request, Response } from 'express';
import { body, check, validationResult } from 'express-validator';
import * as db from '../db';

const router = Router();

// The validation prelude (checks, sanitizer, the failure answered with flash + redirect) stays in the controller;
// the logic after it moves, and reads the sanitised req.body.email at the service call.
router.post('/contacts', async (req: Request, res: Response) => {
  await check('name', 'Name cannot be blank').not().isEmpty().run(req);
  await check('email', 'Email is not valid').isEmail().run(req);
  await body('email').normalizeEmail().run(req);

  const errors = validationResult(req);

  if (!errors.isEmpty()) {
    req.flash('errors', errors.array());
    return res.redirect('/contacts');
  }

  const existing = await db.findByEmail(req.body.email);
  if (existing) return res.status(409).json({ error: 'already there' });
  const contact = await db.insert(req.body.name, req.body.email);
  res.status(201).json(contact);
});

// A check that is not awaited may still be writing req.body when the logic reads it: left alone.
router.post('/unawaited', async (req: Request, res: Response) => {
  check('email').normalizeEmail().run(req);
  const existing = await db.findByEmail(req.body.email);
  if (existing) return res.status(409).json({ error: 'already there' });
  const contact = await db.insert(req.body.name, req.body.email);
  res.status(201).json(contact);
});

// The logic writes the request itself (a flash in the middle of it): left alone.
router.post('/flash-in-logic', async (req: Request, res: Response) => {
  await check('email').isEmail().run(req);
  const existing = await db.findByEmail(req.body.email);
  if (existing) req.flash('info', 'known');
  const contact = await db.insert(req.body.name, req.body.email);
  res.status(201).json(contact);
});

// A function of the project handed the request that only reads it is not a prelude: it stays bound to the request in
// the controller and the service calls it where the logic did.
router.post('/audited', async (req: Request, res: Response) => {
  await db.audit(req);
  const existing = await db.findByEmail(req.body.email);
  if (existing) return res.status(409).json({ error: 'already there' });
  res.status(201).json(await db.insert(req.body.name, req.body.email));
});

// An auth guard answering with a redirect stays in the controller; the logic after it moves.
router.get('/mine', async (req: Request, res: Response) => {
  if (!req.isAuthenticated()) return res.redirect('/login');
  const contact = await db.findByEmail(req.query.email ?? '');
  if (!contact) return res.status(404).json({ error: 'none' });
  res.json(contact);
});

// A guard on request values and one page: nothing is left to move (already thin).
router.get('/login', (req: Request, res: Response) => {
  if (req.user) return res.redirect('/');
  res.render('login', { title: 'Login' });
});

// A guard answering an error is validation: it moves with the logic as a domain error.
router.get('/by-email', async (req: Request, res: Response) => {
  if (!req.query.email) return res.redirect('/contacts');
  if (req.query.email.length > 100) return res.status(400).json({ error: 'too long' });
  const contact = await db.findByEmail(req.query.email);
  res.json(contact ?? null);
});

export default router;
