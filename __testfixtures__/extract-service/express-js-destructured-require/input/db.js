exports.cart = async function (id) { return id === '1' ? [{ price: 2 }, { price: 3 }] : null; };
