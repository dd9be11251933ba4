export interface Item {
  id: number;
  name: string;
}

const items = new Map<number, Item>();

export async function findItem(id: number): Promise<Item | undefined> {
  return items.get(id);
}

export async function findByName(name: string): Promise<Item | undefined> {
  return [...items.values()].find((i) => i.name === name);
}

export async function saveItem(name: string): Promise<Item> {
  const item = { id: items.size + 1, name };
  items.set(item.id, item);
  return item;
}

export async function removeItem(id: number): Promise<boolean> {
  return items.delete(id);
}
