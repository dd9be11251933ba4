const wallets = [{ id: 1, owner: 'ann', balance: 10 }];
exports.find = async (id) => wallets.find((w) => String(w.id) === String(id)) || null;
exports.save = async (w) => w;
