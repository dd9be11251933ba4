import * as policies from './policies.js';

// A parameter named like the import is the parameter: writing to it writes nothing of the module's exports.
const validate = (policies, available) => {
  policies.forEach((p) => {
    if (available.indexOf(p) === -1) throw new Error(p + ' not declared');
  });
  policies.length = 0;
};

function build(names) {
  validate([...names], ['a', 'b']);
  return names.map((n) => policies.resolve(n));
}
export { build };
