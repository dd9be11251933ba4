const name = module.id;
module.exports = { name };
