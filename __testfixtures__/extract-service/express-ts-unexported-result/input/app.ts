import { Router } from 'express';
import { backupMailbox, mailbox, profile } from './routes/account';

export const router = Router();
router.get('/profile', profile());
router.get('/mailbox', mailbox());
router.get('/mailbox/backup', backupMailbox());
