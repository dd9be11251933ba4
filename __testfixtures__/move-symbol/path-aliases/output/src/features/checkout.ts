import { cents } from '@lib/currency/cents';

export const total = cents(12.5);
