import { Router } from 'express';
import { mailbox, profile } from './routes/account';

export const router = Router();
router.get('/profile', profile());
router.get('/mailbox', mailbox());
