export * from './strings';
export { slugify } from './slug';
