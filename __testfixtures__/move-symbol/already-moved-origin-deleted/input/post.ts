import { slugify } from './text/slug';

export const postUrl = (title: string): string => `/posts/${slugify(title)}`;
