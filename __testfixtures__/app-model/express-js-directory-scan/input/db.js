module.exports = { pets: [] };
