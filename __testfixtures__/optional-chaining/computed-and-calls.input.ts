type Handlers = Record<string, (e: Event) => void>;

export function dispatch(handlers: Handlers | undefined, type: string, e: Event, rows?: string[][]) {
  if (handlers && handlers[type]) {
    handlers[type](e);
  }
  const first = rows && rows[0];
  if (rows && rows[0] && rows[0][0]) return first;
  return handlers && handlers.click;
}
