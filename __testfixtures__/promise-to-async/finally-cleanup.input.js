function saveOrder(db, order) {
  return db
    .connect()
    .then((conn) => conn.insert('orders', order))
    .finally(() => db.release());
}

function withTimer(label, work) {
  return work()
    .then((result) => {
      record(label, result);
      return result;
    })
    .finally(function () {
      stopTimer(label);
    });
}
