export const ROLES = ['admin', 'member'];
