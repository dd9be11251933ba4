// The app's own test: the configuration is read afresh for another limit; the controller is loaded once, as it is
// (run with `node test/items.test.js`).
const assert = require('node:assert');

process.env.ITEM_LIMIT = '5';
delete require.cache[require.resolve('../config')];
assert.strictEqual(require('../config').limit, 5);

const items = require('../controllers/items');
const res = { json(body) { this.body = body; return this; }, status(code) { this.code = code; return this; } };
items.getItem({ params: { id: '1' } }, res).then(() => {
  assert.deepStrictEqual(res.body, { id: 1, title: 'lamp', inStock: true });
  console.log('ok');
});
