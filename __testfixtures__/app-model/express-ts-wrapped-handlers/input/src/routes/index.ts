import { Router } from 'express';
import profiles from './profiles';
import tags from './tags';

const api = Router().use(profiles).use(tags);

export default Router().use('/api', api);
