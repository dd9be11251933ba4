module.exports = { level: 'info' };
if (process.env.DEBUG) {
  console.log('debug');
}
module.exports = { level: 'debug' };
