import { cents } from './currency/cents';

export const line = `total: ${cents(1)}`;
