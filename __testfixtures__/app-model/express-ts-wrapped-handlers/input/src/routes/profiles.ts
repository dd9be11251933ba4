import { Router } from 'express';
import { guard } from '../lib/guard';
import * as profiles from '../controllers/profiles';

const router = Router();
router.get('/profiles/:username', profiles.getProfile);
router.post('/profiles/:username/follow', guard('member'), profiles.followProfile);

export default router;
