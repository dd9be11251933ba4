const baskets = { 1: { id: 1, coupon: null } };
exports.findBasket = async (id) => baskets[id] || null;
exports.saveCoupon = async (basket, coupon) => {
  basket.coupon = coupon;
  return basket;
};
exports.findUser = (id) => (id === '1' ? { id: 1, name: 'Ann' } : null);
