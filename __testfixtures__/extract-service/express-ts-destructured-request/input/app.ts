import { Router } from 'express';
import { questionById, questionRest, repeatNotification, securityQuestion } from './routes/questions';

export const router = Router();
router.get('/rest/user/security-question', securityQuestion());
router.get('/rest/repeat-notification', repeatNotification());
router.get('/rest/questions/:id', questionById());
router.get('/rest/questions-rest/:id', questionRest());
