import { slugify } from './lib';
import { truncate } from './lib/named';

export const title = truncate(slugify('Hello World'), 5);
