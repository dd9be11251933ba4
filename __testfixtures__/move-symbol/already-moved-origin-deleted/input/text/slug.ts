export function slugify(title: string): string {
  return title.toLowerCase().trim().replace(/\s+/g, '-');
}
