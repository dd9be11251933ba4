import { parsePrice } from './money';

export function total(prices: string[]): number {
  return prices.map(parsePrice).reduce((a, b) => a + b, 0);
}
