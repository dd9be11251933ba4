// A callback returning another chain: the inner chain is awaited in place (flattened).
function loadOrderTotals(userId) {
  return fetchUser(userId).then((user) => {
    audit(user.id);
    return fetchOrders(user.id).then((orders) => orders.map((o) => o.total));
  });
}
