module.exports = function totals(orders, refunds) {
  var sum = 0;
  for (var i = 0; i < orders.length; i++) {
    sum += orders[i].total;
  }
  for (var i = 0; i < refunds.length; i++) {
    sum -= refunds[i].total;
  }
  if (sum > 100) {
    var label = 'big';
    console.log(label);
  } else {
    var label = 'small';
    console.log(label);
  }
  return sum;
};
