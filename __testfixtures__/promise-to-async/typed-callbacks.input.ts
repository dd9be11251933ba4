type Order = { id: string; total: number };

export function orderTotal(id: string): Promise<number> {
  return fetchOrder(id)
    .then((order: Order) => order.total)
    .catch((err: unknown) => {
      console.error(err);
      return 0;
    });
}
