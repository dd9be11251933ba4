// The app's own test: each case stubs the model in the module cache and loads the controller afresh (run with
// `node test/orders.test.js`).
const assert = require('node:assert');

const NAME = 'orders';
const MODEL = require.resolve('../models/order');
const res = () => ({ json(body) { this.body = body; return this; }, status(code) { this.code = code; return this; } });

(async () => {
  for (const total of [5, 7]) {
    require.cache[MODEL] = { id: MODEL, filename: MODEL, loaded: true, exports: { find: async (id) => ({ id: Number(id), total }) } };
    delete require.cache[require.resolve('../controllers/' + NAME)];
    const orders = require('../controllers/' + NAME);
    const r = res();
    await orders.getOrder({ params: { id: '1' } }, r);
    assert.deepStrictEqual(r.body, { id: 1, total });
  }
  console.log('ok');
})();
