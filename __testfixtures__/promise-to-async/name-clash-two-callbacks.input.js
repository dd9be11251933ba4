// Both callbacks declare `row`; inlined into one function body they would share one scope.
function totals(db, id) {
  return db.query('SELECT * FROM orders WHERE id = ?', [id])
    .then((rows) => {
      const row = rows[0];
      return db.query('SELECT * FROM items WHERE order_id = ?', [row.id]);
    })
    .then((items) => {
      const row = items.reduce((sum, item) => sum + item.price, 0);
      return row;
    });
}
