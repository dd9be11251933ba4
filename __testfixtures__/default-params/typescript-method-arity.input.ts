// Methods and exported functions can be passed around; their .length would change.
export class Controller {
  handle(req: Request, limit?: number) {
    if (limit === undefined) limit = 10;
    return limit;
  }
}
export function page(items: unknown[], size?: number) {
  if (size === undefined) size = 20;
  return items.slice(0, size);
}
