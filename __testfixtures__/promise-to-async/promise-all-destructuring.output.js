async function loadDashboard(userId) {
  const [user, orders] = await Promise.all([fetchUser(userId), fetchOrders(userId)]);
  return { name: user.name, count: orders.length };
}
