export interface Line {
  sku: string;
  qty: number;
}

export async function priceOf(sku: string): Promise<number | undefined> {
  return sku === 'pen' ? 2 : undefined;
}
