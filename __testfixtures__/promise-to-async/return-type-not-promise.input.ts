// An async function must be declared to return Promise<…>; PromiseLike and library types would not type-check.
export function load(id: string): PromiseLike<number> {
  return fetchCount(id).then((n: number) => n + 1);
}

export function loadQ(id: string): Q.Promise<number> {
  return fetchCount(id).then((n: number) => n + 1);
}
