export interface Item { id: number; name: string; price: number; adminPrice: number }
const items: Item[] = [{ id: 1, name: 'Apple', price: 2, adminPrice: 1 }];
export async function allItems(): Promise<Item[]> {
  return items;
}
export async function itemById(id: number): Promise<Item | undefined> {
  return items.find((i) => i.id === id);
}
