import { Router, Request, Response } from 'express';
import { body, check, validationResult } from 'express-validator';
import * as db from '../db';
import { ContactsService } from '../services/contacts.service';
import { AuditedService } from '../services/audited.service';
import { MineService } from '../services/mine.service';
import { ByEmailService } from '../services/byEmail.service';
import { sendDomainError } from './error-responses';

const contactsService = new ContactsService();
const auditedService = new AuditedService();
const mineService = new MineService();
const byEmailService = new ByEmailService();

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

  try {
    const result = await contactsService.createContact({ requestBody: req.body });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
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
  try {
    const result = await auditedService.createAudited({ audit: () => db.audit(req), body: req.body });
    res.status(201).json(result);
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// An auth guard answering with a redirect stays in the controller; the logic after it moves.
router.get('/mine', async (req: Request, res: Response) => {
  if (!req.isAuthenticated()) return res.redirect('/login');
  try {
    res.json(await mineService.getMine({ email: req.query.email }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

// A guard on request values and one page: nothing is left to move (already thin).
router.get('/login', (req: Request, res: Response) => {
  if (req.user) return res.redirect('/');
  res.render('login', { title: 'Login' });
});

// A guard answering an error is validation: it moves with the logic as a domain error.
router.get('/by-email', async (req: Request, res: Response) => {
  if (!req.query.email) return res.redirect('/contacts');
  try {
    res.json(await byEmailService.getByEmail({ email: req.query.email }));
  } catch (err) {
    if (!sendDomainError(res, err)) throw err;
  }
});

export default router;
