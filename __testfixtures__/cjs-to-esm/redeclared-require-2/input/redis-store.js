module.exports = { kind: 'redis' };
