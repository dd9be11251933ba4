module.exports = function totals(orders, refunds) {
  let sum = 0;
  for (let i = 0; i < orders.length; i++) {
    sum += orders[i].total;
  }
  for (let i = 0; i < refunds.length; i++) {
    sum -= refunds[i].total;
  }
  if (sum > 100) {
    const label = 'big';
    console.log(label);
  } else {
    const label = 'small';
    console.log(label);
  }
  return sum;
};
