module.exports = { kind: 'memory' };
