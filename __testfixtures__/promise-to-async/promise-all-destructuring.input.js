function loadDashboard(userId) {
  return Promise.all([fetchUser(userId), fetchOrders(userId)])
    .then(([user, orders]) => ({ name: user.name, count: orders.length }));
}
