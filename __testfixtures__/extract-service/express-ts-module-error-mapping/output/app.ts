import { Router } from 'express';
import { getCaptcha, getCaptchaHint } from './routes/captcha';
import { getWalletBalance } from './routes/wallet';

export const router = Router();
router.get('/rest/captcha/:id', getCaptcha());
router.get('/rest/captcha/:id/hint', getCaptchaHint());
router.get('/rest/wallet/:userId/balance', getWalletBalance());
