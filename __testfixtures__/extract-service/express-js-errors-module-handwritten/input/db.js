const { QuotaError } = require('./services/errors');
exports.find = async (id) => {
  if (id === 42) throw new QuotaError();
  return id === 1 ? { id: 1, name: 'one' } : null;
};
