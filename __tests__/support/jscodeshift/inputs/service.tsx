export function log(message: string) {
  console.log(message);
}

export function id<T>(v: T): T {
  return v;
}

function render(): void {
  const el = <div>{log('x')}</div>;
}
