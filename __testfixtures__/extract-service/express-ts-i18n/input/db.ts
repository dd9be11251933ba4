export interface Product {
  id: number;
  name: string;
}

const products: Product[] = [{ id: 1, name: 'Apple Juice' }];

export async function findProducts(ids: number[]): Promise<Product[]> {
  return products.filter((p) => ids.includes(p.id)).map((p) => ({ ...p }));
}
