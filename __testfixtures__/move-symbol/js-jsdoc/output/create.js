import { UserRecord } from './record.js';

export const admin = new UserRecord('1', 'admin@example.com');
