type Handlers = Record<string, (e: Event) => void>;

export function dispatch(handlers: Handlers | undefined, type: string, e: Event, rows?: string[][]) {
  if (handlers?.[type]) {
    handlers[type](e);
  }
  const first = rows?.[0];
  if (rows?.[0]?.[0]) return first;
  return handlers?.click;
}
