export { truncate } from './strings';
export { slugify } from './slug';
