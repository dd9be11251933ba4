import path from 'node:path';

export const sep = path.sep;
