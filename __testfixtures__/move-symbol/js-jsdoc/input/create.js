import { UserRecord } from './models.js';

export const admin = new UserRecord('1', 'admin@example.com');
