import { ROLES } from './models.js';

/** @param {import('./record.js').UserRecord} record */
export function render(record) {
  return record.describe() + ' ' + ROLES.join(',');
}
