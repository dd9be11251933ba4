import { Router } from 'express';
import { itemView, listItems, logItem, stampItem, viewer, whoAmI } from './routes/items';

export const router = Router();
router.get('/api/items', listItems());
router.get('/rest/user/whoami', whoAmI());
router.get('/api/items/:id', itemView());
router.put('/api/items/:id/stamp', stampItem());
router.post('/api/items/:id/log', logItem());
router.get('/api/viewer', viewer());
