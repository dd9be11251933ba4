const wallets = [{ id: 1, owner: 'ann', balance: 10, card: true }, { id: 2, owner: 'bob', balance: 0, card: false }];
exports.find = async (id) => {
  if (id === 'bad') throw new Error('malformed id');
  return wallets.find((w) => String(w.id) === id) || null;
};
exports.increment = async (id, amount) => {
  if (amount === 13) throw new Error('unlucky');
  const w = wallets.find((x) => String(x.id) === id);
  w.balance += amount;
  return w.balance;
};
exports.close = async (id) => {
  if (id === '1') throw new Error('locked');
};
exports.log = [];
