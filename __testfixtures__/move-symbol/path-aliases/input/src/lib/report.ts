import { cents } from './money';

export const line = `total: ${cents(1)}`;
