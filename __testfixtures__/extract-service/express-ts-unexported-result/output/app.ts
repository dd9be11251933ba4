import { Router } from 'express';
import { profile } from './routes/account';

export const router = Router();
router.get('/profile', profile());
