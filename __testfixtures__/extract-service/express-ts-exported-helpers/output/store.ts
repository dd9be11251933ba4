export interface Store {
  get(key: string): string[] | undefined;
}

const data = new Map<string, string[]>([['sql', ['a', 'b']]]);

export const defaultStore: Store = { get: (key) => data.get(key) };
