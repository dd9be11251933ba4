module.exports = { debug: process.env.DEBUG === '1' };
