// A callback returning another chain: the inner chain is awaited in place (flattened).
async function loadOrderTotals(userId) {
  const user = await fetchUser(userId);
  audit(user.id);
  const orders = await fetchOrders(user.id);
  return orders.map((o) => o.total);
}
