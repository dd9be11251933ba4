type Order = { id: string; total: number };

export async function orderTotal(id: string): Promise<number> {
  try {
    const order: Order = await fetchOrder(id);
    return await order.total;
  } catch (err: unknown) {
    console.error(err);
    return 0;
  }
}
