async function saveOrder(db, order) {
  try {
    const conn = await db
      .connect();
    return await conn.insert('orders', order);
  } finally {
    await db.release();
  }
}

async function withTimer(label, work) {
  try {
    const result = await work();
    record(label, result);
    return await result;
  } finally {
    stopTimer(label);
  }
}
