export interface Order {
  items: Array<{ price: number; quantity: number }>;
}
