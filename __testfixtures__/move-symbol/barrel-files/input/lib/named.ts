export { slugify, truncate } from './strings';
