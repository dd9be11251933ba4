export interface Basket { id: number; coupon: string | null }
const baskets: Basket[] = [{ id: 1, coupon: null }];
export async function findBasket(id: number): Promise<Basket | undefined> {
  return baskets.find((b) => b.id === id);
}
export function discountOf(coupon: string | undefined): number {
  return coupon === 'SAVE10' ? 10 : 0;
}
