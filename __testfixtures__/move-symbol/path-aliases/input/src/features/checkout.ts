import { cents } from '@lib/money';

export const total = cents(12.5);
