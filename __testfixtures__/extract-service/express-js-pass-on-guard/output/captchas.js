const captchas = new Map([['1', { id: '1', answer: '7' }]]);

exports.find = async function find(id) {
  if (id === 'boom') throw new Error('store down');
  return captchas.get(String(id));
};
