module.exports = { items: [], log: [] };
